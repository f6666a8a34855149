// Local drafts of the inspection forms (issue 17): what a user types or picks in an element marked data-draft-key is
// written to this browser's localStorage at once, in the browser, without the server — so it survives a lost
// connection and a reload. The page reads the drafts back when it opens and clears an item's drafts once it is saved.
(function () {
    const prefix = "portal-draft:";
    let writtenWhileAway = false;

    function store(key, value) {
        // The reconnect notice is open while the circuit is away (Components/Layout/ReconnectModal).
        const notice = document.getElementById("components-reconnect-modal");
        if (notice && notice.open) writtenWhileAway = true;
        try {
            localStorage.setItem(prefix + key, JSON.stringify({ value: value, at: Date.now() }));
        } catch (e) {
            // A full or disabled storage only loses the draft, never the form.
        }
    }

    document.addEventListener("input", function (e) {
        const host = e.target instanceof Element ? e.target.closest("[data-draft-key]") : null;
        if (host && !host.hasAttribute("data-draft-value") && typeof e.target.value === "string") store(host.getAttribute("data-draft-key"), e.target.value);
    }, true);

    document.addEventListener("click", function (e) {
        const choice = e.target instanceof Element ? e.target.closest("[data-draft-key][data-draft-value]") : null;
        if (choice && !choice.disabled) store(choice.getAttribute("data-draft-key"), choice.getAttribute("data-draft-value"));
    }, true);

    window.portalDrafts = {
        writtenWhileAway: function () { return writtenWhileAway; },
        // Every draft whose key starts with keyPrefix, as { key: value }.
        read: function (keyPrefix) {
            const found = {};
            for (let i = 0; i < localStorage.length; i++) {
                const key = localStorage.key(i);
                if (!key || !key.startsWith(prefix + keyPrefix)) continue;
                try {
                    found[key.substring(prefix.length)] = JSON.parse(localStorage.getItem(key)).value;
                } catch (e) {
                    localStorage.removeItem(key);
                }
            }
            return found;
        },
        clear: function (keyPrefix) {
            const keys = [];
            for (let i = 0; i < localStorage.length; i++) {
                const key = localStorage.key(i);
                if (key && key.startsWith(prefix + keyPrefix)) keys.push(key);
            }
            keys.forEach(function (key) { localStorage.removeItem(key); });
        }
    };
})();
