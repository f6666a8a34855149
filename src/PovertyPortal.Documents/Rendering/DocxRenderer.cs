using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace PovertyPortal.Documents.Rendering;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as an editable Word file with the same GB/T 9704 page and the same text as
/// the PDF. Fonts are named for Word (RunFonts.EastAsia); charts go in as PNG images drawn by the same painter.
/// </summary>
public sealed class DocxRenderer(FontSet fonts, ReportFontOptions options)
{
    private const int TwipsPerPoint = 20;
    private const long EmuPerPoint = 12700;
    private static int Twips(float points) => (int)Math.Round(points * TwipsPerPoint);

    private uint nextImageId = 1;

    public byte[] Render(ReportDocument document)
    {
        using var stream = new MemoryStream();
        Render(document, stream);
        return stream.ToArray();
    }

    public void Render(ReportDocument document, Stream output)
    {
        using var buffer = new MemoryStream();
        using (var word = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Para(document.Title, FontRole.Title, PageGeometry.TitleSize, JustificationValues.Center, firstLine: 0, lineHeight: PageGeometry.TitleLineHeight));
            body.Append(Para("", FontRole.Body, PageGeometry.BodySize, JustificationValues.Left, 0));

            foreach (var block in document.Blocks)
            {
                switch (block)
                {
                    case Heading h:
                        var heading = Para(h.Text, h.Level == 1 ? FontRole.Heading1 : FontRole.Heading2, PageGeometry.BodySize, JustificationValues.Both, PageGeometry.Indent);
                        heading.ParagraphProperties!.KeepNext = new KeepNext();
                        body.Append(heading);
                        break;
                    case Paragraph p:
                        body.Append(Para(p.Text, FontRole.Body, PageGeometry.BodySize, JustificationValues.Both, PageGeometry.Indent));
                        break;
                    case NumberedItem n:
                        body.Append(Para(n.FullText, FontRole.Body, PageGeometry.BodySize, JustificationValues.Both, PageGeometry.Indent));
                        break;
                    case Table t:
                        if (t.Caption is not null)
                        {
                            var caption = Para(t.Caption, FontRole.Heading1, 14, JustificationValues.Center, 0);
                            caption.ParagraphProperties!.KeepNext = new KeepNext();
                            body.Append(caption);
                        }
                        body.Append(TableOf(t));
                        body.Append(Para("", FontRole.Body, PageGeometry.TableSize, JustificationValues.Left, 0, PageGeometry.TableLineHeight));
                        break;
                    case BarChart c:
                        body.Append(ChartParagraph(main, c));
                        break;
                    case SignatureBlock s:
                        body.Append(Para("", FontRole.Body, PageGeometry.BodySize, JustificationValues.Left, 0));
                        foreach (var line in s.Lines)
                        {
                            var p = Para(line, FontRole.Body, PageGeometry.BodySize, JustificationValues.Right, 0);
                            p.ParagraphProperties!.Indentation = new Indentation { Right = Twips(4 * PageGeometry.BodySize).ToString(System.Globalization.CultureInfo.InvariantCulture) };
                            p.ParagraphProperties.KeepLines = new KeepLines();
                            body.Append(p);
                        }
                        break;
                }
            }
            body.Append(Section(main, document));
            main.Document.Save();
        }
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private RunProperties RunProps(FontRole role, float size)
    {
        var name = options.WordFor(role);
        var props = new RunProperties(
            new RunFonts { Ascii = name, HighAnsi = name, EastAsia = name, ComplexScript = name, Hint = FontTypeHintValues.EastAsia });
        if (role == FontRole.Title) props.Append(new Bold());
        var half = ((int)Math.Round(size * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        props.Append(new FontSize { Val = half }, new FontSizeComplexScript { Val = half }, new Languages { EastAsia = "zh-CN" });
        return props;
    }

    private DocumentFormat.OpenXml.Wordprocessing.Paragraph Para(string text, FontRole role, float size, JustificationValues align, float firstLine, float? lineHeight = null)
    {
        var props = new ParagraphProperties(
            new SpacingBetweenLines
            {
                Before = "0",
                After = "0",
                Line = Twips(lineHeight ?? PageGeometry.LineHeight).ToString(System.Globalization.CultureInfo.InvariantCulture),
                LineRule = LineSpacingRuleValues.Exact,
            });
        if (firstLine > 0)
        {
            // LibreOffice ignores firstLineChars, so the indent is given in twips as well.
            props.Append(new Indentation
            {
                FirstLine = Twips(firstLine).ToString(System.Globalization.CultureInfo.InvariantCulture),
                FirstLineChars = (int)Math.Round(firstLine / size * 100),
            });
        }
        props.Append(new Justification { Val = align });
        var paragraph = new DocumentFormat.OpenXml.Wordprocessing.Paragraph(props);
        if (text.Length > 0)
        {
            paragraph.Append(new Run(RunProps(role, size), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        }
        return paragraph;
    }

    private DocumentFormat.OpenXml.Wordprocessing.Table TableOf(Table t)
    {
        var weights = t.ColumnWeights ?? Enumerable.Repeat(1f, t.Header.Count).ToList();
        var total = weights.Sum();
        var widths = weights.Select(w => Twips(PageGeometry.Width * w / total)).ToArray();
        var border = (BorderType b) => { b.Val = BorderValues.Single; b.Size = 4; b.Color = "000000"; return b; };
        var table = new DocumentFormat.OpenXml.Wordprocessing.Table(
            new TableProperties(
                new TableWidth { Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableJustification { Val = TableRowAlignmentValues.Center },
                new TableBorders(
                    border(new TopBorder()), border(new LeftBorder()), border(new BottomBorder()), border(new RightBorder()),
                    border(new InsideHorizontalBorder()), border(new InsideVerticalBorder())),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        TableRow Row(IReadOnlyList<string> cells, bool header)
        {
            var row = new TableRow();
            var rowProps = new TableRowProperties(new CantSplit());
            if (header) rowProps.Append(new TableHeader());
            row.Append(rowProps);
            for (var c = 0; c < cells.Count; c++)
            {
                var align = header ? JustificationValues.Center : t.NumericColumns.Contains(c) ? JustificationValues.Right : JustificationValues.Left;
                var cellProps = new TableCellProperties(new TableCellWidth { Width = widths[c].ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
                if (header) cellProps.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "E8E8E8" });
                row.Append(new TableCell(cellProps, Para(cells[c], header ? FontRole.Heading1 : FontRole.Body, PageGeometry.TableSize, align, 0, PageGeometry.TableLineHeight)));
            }
            return row;
        }

        table.Append(Row(t.Header, true));
        foreach (var row in t.Rows) table.Append(Row(row, false));
        return table;
    }

    private DocumentFormat.OpenXml.Wordprocessing.Paragraph ChartParagraph(MainDocumentPart main, BarChart chart)
    {
        var png = BarChartPainter.RenderPng(chart, fonts, PageGeometry.Width);
        var image = main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(png)) image.FeedData(data);
        var relationshipId = main.GetIdOfPart(image);
        var id = nextImageId++;
        var cx = (long)(PageGeometry.Width * EmuPerPoint);
        var cy = (long)(BarChartPainter.PreferredHeight * EmuPerPoint);
        var name = $"图表{id}";

        var drawing = new Drawing(
            new DW.Inline(
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
                new DW.DocProperties { Id = id, Name = name, Description = chart.Caption },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(
                    new PIC.Picture(
                        new PIC.NonVisualPictureProperties(
                            new PIC.NonVisualDrawingProperties { Id = 0U, Name = name + ".png" },
                            new PIC.NonVisualPictureDrawingProperties()),
                        new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                        new PIC.ShapeProperties(
                            new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                            new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            {
                DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
            });
        return new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
            new ParagraphProperties(new KeepLines(), new Justification { Val = JustificationValues.Center }),
            new Run(drawing));
    }

    private SectionProperties Section(MainDocumentPart main, ReportDocument document)
    {
        static string Mm(float mm) => ((int)Math.Round(mm * 56.6929f)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(PageNumberParagraph());
        var firstFooter = main.AddNewPart<FooterPart>();
        firstFooter.Footer = new Footer(PageNumberParagraph());
        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(Para(document.RunningHeader ?? "", FontRole.Body, PageGeometry.HeaderSize, JustificationValues.Center, 0, PageGeometry.HeaderSize * 1.5f));
        var firstHeader = main.AddNewPart<HeaderPart>();
        firstHeader.Header = new Header(new DocumentFormat.OpenXml.Wordprocessing.Paragraph());

        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
            new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(firstHeader) },
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new FooterReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(firstFooter) },
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin
            {
                Top = int.Parse(Mm(37), System.Globalization.CultureInfo.InvariantCulture),
                Bottom = int.Parse(Mm(35), System.Globalization.CultureInfo.InvariantCulture),
                Left = uint.Parse(Mm(28), System.Globalization.CultureInfo.InvariantCulture),
                Right = uint.Parse(Mm(26), System.Globalization.CultureInfo.InvariantCulture),
                Header = uint.Parse(Mm(20), System.Globalization.CultureInfo.InvariantCulture),
                Footer = uint.Parse(Mm(20), System.Globalization.CultureInfo.InvariantCulture),
                Gutter = 0U,
            },
            new TitlePage());
    }

    /// <summary>第 N 页 共 M 页 with Word's PAGE and NUMPAGES fields.</summary>
    private DocumentFormat.OpenXml.Wordprocessing.Paragraph PageNumberParagraph()
    {
        Run Text(string s) => new(RunProps(FontRole.Body, PageGeometry.FooterSize), new Text(s) { Space = SpaceProcessingModeValues.Preserve });
        SimpleField Field(string instruction) => new(Text("1")) { Instruction = instruction };
        return new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            Text("第 "), Field(" PAGE "), Text(" 页 共 "), Field(" NUMPAGES "), Text(" 页"));
    }
}
