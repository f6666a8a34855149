namespace PovertyPortal.IntegrationTests.Infrastructure;

// One portal per provider, shared by the test classes of that provider; tests leave the demo data as they found it
// or add rows of their own with unique names.
[CollectionDefinition(nameof(SqliteCollection))]
public sealed class SqliteCollection : ICollectionFixture<SqliteAppFixture>;

[CollectionDefinition(nameof(PostgreSqlCollection))]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlAppFixture>;
