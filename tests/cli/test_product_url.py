"""`ugc create --product-url`: a brief file and images drafted from a product page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from tests.importer.site import Site, graph_page, og_page, serve, stock
from typer.testing import CliRunner

from ugc.brief.loader import load_brief
from ugc.cli.main import app
from ugc.cli.product_url import brief_from_url
from ugc.config import Settings

runner = CliRunner()


@pytest.fixture
def site() -> Iterator[Site]:
    """A shop on 127.0.0.1."""
    with serve() as s:
        stock(s)
        yield s


@pytest.fixture
def allow_local(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """Allow the loopback shop the way a test deployment would: through the environment."""
    monkeypatch.setenv("UGC_IMPORTER__ALLOW_HOSTS", "127.0.0.1")
    return Settings().importer.model_dump()


def test_writes_a_loadable_brief_with_images(
    site: Site, allow_local: dict[str, object], tmp_path: Path
) -> None:
    url = site.add("/p/buds", graph_page())
    path = brief_from_url(url, tmp_path / "OUT" / "product", allow_local)
    assert path == tmp_path / "OUT" / "product" / "brief.yaml"
    assert path.read_text().startswith(f"# Drafted from {url}")
    brief = load_brief(path, lambda _lang: True)
    assert brief.product.name == "Lumen Buds Pro"
    assert brief.product.price == "€49.50"
    assert [Path(p).name for p in brief.assets.product_images] == [
        "product-1.jpg",
        "product-2.webp",
        "product-3.png",
    ]
    assert all(Path(p).parent == path.parent for p in brief.assets.product_images)


def test_bad_images_are_left_out(
    site: Site, allow_local: dict[str, object], tmp_path: Path
) -> None:
    site.add("/img/serum.png", b"<html>not an image</html>", "image/png")
    path = brief_from_url(site.add("/p", og_page()), tmp_path / "product", allow_local)
    doc = yaml.safe_load(path.read_text())
    assert doc["assets"]["product_images"] == []
    assert sorted(p.name for p in path.parent.iterdir()) == ["brief.yaml"]
    load_brief(path, lambda _lang: True)


def test_without_the_allow_list_loopback_is_refused(site: Site, tmp_path: Path) -> None:
    url = site.add("/p", og_page())
    result = runner.invoke(app, ["create", "--product-url", url, "--out", str(tmp_path / "OUT")])
    assert result.exit_code == 2
    assert f"port {site.port} is not allowed" in result.output
    assert not (tmp_path / "OUT" / "product" / "brief.yaml").exists()
    assert site.hits == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["create"], "give a BRIEF file or --product-url"),
        (["create", "brief.yaml", "--product-url", "https://shop.example/p"], "not both"),
        (["create", "--product-url", "http://169.254.169.254/latest/"], "cloud metadata"),
        (["create", "--product-url", "ftp://shop.example/p"], "only http and https"),
    ],
)
def test_argument_errors_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    result = runner.invoke(app, [*args, "--out", str(tmp_path / "OUT")])
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())


@pytest.mark.usefixtures("allow_local")
def test_a_page_without_a_product_exits_2(site: Site, tmp_path: Path) -> None:
    url = site.add("/empty", "<html><body>nothing to sell</body></html>")
    result = runner.invoke(app, ["create", "--product-url", url, "--out", str(tmp_path / "OUT")])
    assert result.exit_code == 2
    assert "names no product" in " ".join(result.output.split())
    assert [p for p, _ in site.hits] == ["/empty"]
