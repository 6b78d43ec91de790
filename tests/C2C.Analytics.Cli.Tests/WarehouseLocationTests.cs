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
    public void With_only_C2C_DATA_it_is_the_warehouse_c2c_run_builds_in_that_data_folder()
    {
        var location = WarehouseLocation.Resolve(null, name => name == "C2C_DATA" ? "/var/lib/c2c" : null, "/srv/c2c");

        Assert.Equal("/var/lib/c2c/warehouse.duckdb", location.Path);
        Assert.Equal("C2C_DATA", location.Origin);
        Assert.True(location.IsExplicit);
    }

    [Fact]
    public void C2C_WAREHOUSE_wins_over_C2C_DATA()
    {
        var location = WarehouseLocation.Resolve(null, name => name switch { "C2C_DATA" => "/var/lib/c2c", "C2C_WAREHOUSE" => "/w/x.duckdb", _ => null }, "/srv/c2c");

        Assert.Equal("/w/x.duckdb", location.Path);
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
