"""The PySpark recipe of README.md: mapInArrow over WARC paths, to Parquet and back.

Runs with master local[2] when pyspark, a JVM and ../shared are present; skipped otherwise.
"""

import os
import shutil
import sys

import pytest

import article
from conftest import DEV_WARC, need_shared


@pytest.fixture(scope="module")
def spark():
    need_shared()
    pytest.importorskip("pyspark", reason="skipping: no pyspark")
    pytest.importorskip("pandas", reason="skipping: no pandas (pyspark needs it)")
    if shutil.which("java") is None:
        pytest.skip("skipping: no java for pyspark")
    from pyspark.sql import SparkSession

    # The Python workers run this interpreter (the one with article and pyarrow).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("article-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_map_in_arrow_over_warc_paths(spark, tmp_path):
    from pyspark.sql.pandas.types import from_arrow_schema

    # Defined here, not at module level, so that cloudpickle sends the function itself
    # to the Python workers (which cannot import this test module), as for a script.
    def extract_warcs(batches):
        """mapInArrow's function: batches of WARC paths in, batches of articles out."""
        import article

        for batch in batches:
            for path in batch.column("path").to_pylist():
                yield from article.extract_warc(path, batch_size=500)

    paths = []
    for i in range(4):
        copy = tmp_path / f"dev-{i}.warc.gz"
        shutil.copyfile(DEV_WARC, copy)
        paths.append(str(copy))
    df = spark.createDataFrame([(p,) for p in paths], "path string").repartition(2)
    out = df.mapInArrow(extract_warcs, from_arrow_schema(article.schema(warc=True)))
    target = str(tmp_path / "articles.parquet")
    out.write.mode("overwrite").parquet(target)

    back = spark.read.parquet(target)
    assert back.count() == 440
    assert back.filter("error IS NOT NULL").count() == 0
    per_file = {r["warc_file"]: r["count"] for r in back.groupBy("warc_file").count().collect()}
    assert per_file == {p: 110 for p in paths}
    assert back.select("warc_record_id").distinct().count() == 110
    assert set(back.columns) == set(article.schema(warc=True).names)

    # The same rows through pyarrow, against extract_warc directly.
    import pyarrow.parquet as pq

    table = pq.read_table(target)
    assert table.num_rows == 440
    direct = sorted(
        (r["warc_record_id"], r["body"]) for b in article.extract_warc(DEV_WARC) for r in b.to_pylist()
    )
    got = sorted({(r["warc_record_id"], r["body"]) for r in table.select(["warc_record_id", "body"]).to_pylist()})
    assert got == direct
