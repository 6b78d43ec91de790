using System.Runtime.InteropServices;
using C2C.Analytics.DuckDb.Native;

namespace C2C.Analytics.DuckDb.Tests.Native;

/// <summary>The raw binding, below the ADO.NET layer.</summary>
public unsafe class NativeMethodsTests
{
    [Fact]
    public void Struct_layouts_match_duckdb_h()
    {
        Assert.Equal(48, sizeof(DuckDbResultStruct));
        Assert.Equal(16, sizeof(DuckDbStringStruct));
        Assert.Equal(16, sizeof(DuckDbHugeIntStruct));
        Assert.Equal(24, sizeof(DuckDbDecimalStruct));
        Assert.Equal(16, sizeof(DuckDbIntervalStruct));
        Assert.Equal(8, Marshal.OffsetOf<DuckDbDecimalStruct>(nameof(DuckDbDecimalStruct.Value)).ToInt32());
    }

    [Fact]
    public void Library_reports_version_1_5_6_and_standard_vector_size()
    {
        Assert.Equal("v1.5.6", NativeMethods.duckdb_library_version().Read());
        Assert.Equal(2048UL, NativeMethods.duckdb_vector_size());
    }

    [Fact]
    public void Open_connect_prepare_execute_and_fetch_a_chunk_through_the_raw_api()
    {
        Assert.Equal(DuckDbState.Success, NativeMethods.duckdb_create_config(out var config));
        using (config)
        {
            Assert.Equal(DuckDbState.Success, NativeMethods.duckdb_open_ext(":memory:", out var database, config, out var error));
            Assert.Null(error.ReadAndFree());
            using (database)
            {
                Assert.Equal(DuckDbState.Success, NativeMethods.duckdb_connect(database, out var connection));
                using (connection)
                {
                    var count = NativeMethods.duckdb_extract_statements(connection, "SELECT 7::BIGINT * $1::BIGINT AS v", out var statements);
                    using (statements)
                    {
                        Assert.Equal(1UL, count);
                        NativeMethods.duckdb_prepare_extracted_statement(connection, statements, 0, out var prepared);
                        using (prepared)
                        {
                            Assert.True(NativeMethods.duckdb_prepare_error(prepared).IsNull);
                            Assert.Equal(1UL, NativeMethods.duckdb_nparams(prepared));
                            Assert.Equal("1", NativeMethods.duckdb_parameter_name(prepared, 1).ReadAndFree());
                            Assert.Equal(DuckDbState.Success, NativeMethods.duckdb_bind_int64(prepared, 1, 6));
                            using var result = new ResultHandle();
                            Assert.Equal(DuckDbState.Success, NativeMethods.duckdb_execute_prepared(prepared, result.Pointer));
                            Assert.Equal("v", NativeMethods.duckdb_column_name(result.Pointer, 0).Read());
                            Assert.Equal(DuckDbType.BigInt, NativeMethods.duckdb_column_type(result.Pointer, 0));
                            var chunk = NativeMethods.duckdb_fetch_chunk(*result.Pointer);
                            Assert.NotEqual(IntPtr.Zero, chunk);
                            try
                            {
                                Assert.Equal(1UL, NativeMethods.duckdb_data_chunk_get_size(chunk));
                                var vector = NativeMethods.duckdb_data_chunk_get_vector(chunk, 0);
                                Assert.Equal(42L, ((long*)NativeMethods.duckdb_vector_get_data(vector))[0]);
                                Assert.True(NativeMethods.duckdb_vector_get_validity(vector) == null);
                            }
                            finally
                            {
                                NativeMethods.duckdb_destroy_data_chunk(ref chunk);
                            }

                            Assert.Equal(IntPtr.Zero, NativeMethods.duckdb_fetch_chunk(*result.Pointer));
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void Open_failure_hands_over_an_error_string_that_is_freed_once()
    {
        NativeMethods.duckdb_create_config(out var config);
        using (config)
        {
            var missingDirectory = Path.Combine(Path.GetTempPath(), "c2c-no-such-dir-" + Guid.NewGuid().ToString("N"), "x.duckdb");
            var state = NativeMethods.duckdb_open_ext(missingDirectory, out var database, config, out var error);
            using (database)
            {
                Assert.Equal(DuckDbState.Error, state);
                var message = error.ReadAndFree();
                Assert.False(string.IsNullOrEmpty(message));
                Assert.Null(error.ReadAndFree()); // the second read finds nothing: no double free
            }
        }
    }
}
