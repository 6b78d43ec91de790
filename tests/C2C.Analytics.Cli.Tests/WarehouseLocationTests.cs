namespace C2C.Analytics.Cli.Tests;

public sealed class WarehouseLocationTests
{
    private static string? NoVariables(string name) => null;

    [Fact]
    public void Without_option_or_variable_it_is_data_warehouse_duckdb_under_the_current_directory()
    {
        var location = WarehouseLocation.Resolve(null, NoVariables, "/srv/c2c");

        Assert.Equal("/srv/c2c/data/warehouse.duckdb", location.Path);
        Assert.False(location.IsExplicit);
    }

    [Fact]
    public void The_environment_variable_overrides_the_default()
    {
        var location = WarehouseLocation.Resolve(null, name => name == "C2C_WAREHOUSE" ? "w/prod.duckdb" : null, "/srv/c2c");

        Assert.Equal("/srv/c2c/w/prod.duckdb", location.Path);
        Assert.Equal(WarehouseSource.Environment, location.Source);
    }

    [Fact]
    public void The_option_overrides_the_environment_variable()
    {
        var location = WarehouseLocation.Resolve("/tmp/x.duckdb", name => name == "C2C_WAREHOUSE" ? "w/prod.duckdb" : null, "/srv/c2c");

        Assert.Equal("/tmp/x.duckdb", location.Path);
        Assert.Equal(WarehouseSource.Option, location.Source);
    }

    [Fact]
    public void Memory_is_kept_as_it_is_and_always_exists()
    {
        var location = WarehouseLocation.Resolve(":memory:", NoVariables, "/srv/c2c");

        Assert.Equal(":memory:", location.Path);
        Assert.True(location.IsInMemory);
        Assert.True(location.Exists);
    }
}
