"""The SCORM packages as files: `course scorm` builds both zips from a strict
build; each has a well-formed imsmanifest.xml at its root that names the
right schema version, validates against the schemas shipped beside it and
lists every file; pages are files (not folders); nothing reaches outside
the package; the zips are byte-identical from one build to the next; a
course with problems gives no package. Packages leave out what no learner
opens: the trainer guide, source maps and unused search-language files."""

from __future__ import annotations

import contextlib
import io
import json
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree as ET

import pytest
from lxml import etree

from coursesite import cli
from coursesite.scorm.launch import LAUNCH_FILE, island_json
from coursesite.scorm.learner import search_files_used
from coursesite.scorm.offline import css_problems, html_problems, outside_references
from scorm_harness.packaged_course import write_course
from support.guide import build_guide_pages
from support.sites import ROOT, module_page

SCHEMA_VERSIONS = {"1.2": "1.2", "2004": "2004 4th Edition"}
NAMESPACES = {
    "1.2": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "2004": "http://www.imsglobal.org/xsd/imscp_v1p1",
}
ROOT_SCHEMA = {"1.2": "imscp_rootv1p1p2.xsd", "2004": "imscp_v1p1.xsd"}  # the content-packaging schema
CONTROL_FILES = {"imsmanifest.xml"}


def run_course(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(list(args))
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> dict[str, Path]:
    site = write_course(tmp_path_factory.mktemp("scorm") / "course")
    dist = site.root / "dist"
    status, out, err = run_course("--config", str(site.root / "mkdocs.yml"), "scorm", "--output", str(dist))
    assert status == 0, out + err
    assert "at most" in out and "4096" in out  # the worst-case size of the learner record is shown
    zips = {
        version: dist / f"from-sales-manager-to-sales-leader-scorm{version.replace('.', '')}.zip"
        for version in ("1.2", "2004")
    }
    assert all(path.is_file() for path in zips.values()), out
    return zips


def manifest_of(package: Path) -> tuple[ET.Element, list[str]]:
    with zipfile.ZipFile(package) as archive:
        return ET.fromstring(archive.read("imsmanifest.xml")), archive.namelist()


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_manifest_is_well_formed_and_names_its_schema_version(packages, version):
    root, names = manifest_of(packages[version])
    ns = {"cp": NAMESPACES[version]}
    assert root.tag == f"{{{NAMESPACES[version]}}}manifest"
    assert root.findtext("cp:metadata/cp:schema", namespaces=ns) == "ADL SCORM"
    assert root.findtext("cp:metadata/cp:schemaversion", namespaces=ns) == SCHEMA_VERSIONS[version]
    resource = root.find("cp:resources/cp:resource", ns)
    scormtype = "scormtype" if version == "1.2" else "scormType"
    adlcp = "http://www.adlnet.org/xsd/adlcp_rootv1p2" if version == "1.2" else "http://www.adlnet.org/xsd/adlcp_v1p3"
    assert resource.get(f"{{{adlcp}}}{scormtype}") == "sco"
    assert resource.get("href") == LAUNCH_FILE in names
    item = root.find("cp:organizations/cp:organization/cp:item", ns)
    assert item.get("identifierref") == resource.get("identifier")
    assert root.find("cp:organizations", ns).get("default") == root.find("cp:organizations/cp:organization", ns).get(
        "identifier"
    )


class _XmlNamespaceSchema(etree.Resolver):
    """IMS's ims_xml.xsd binds the xml namespace as the default namespace,
    which Java parsers accept and libxml2 refuses; read it without that one
    declaration (the package keeps the official file)."""

    def resolve(self, url, pubid, context):
        if url and url.endswith("ims_xml.xsd"):
            text = Path(unquote(url.removeprefix("file://"))).read_text(encoding="utf-8")
            return self.resolve_string(text.replace('xmlns="http://www.w3.org/XML/1998/namespace"', "", 1), context)
        return None


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_manifest_validates_against_the_schemas_shipped_in_the_package(packages, version, tmp_path):
    with zipfile.ZipFile(packages[version]) as archive:
        archive.extractall(tmp_path)
    parser = etree.XMLParser(no_network=True, load_dtd=False)
    parser.resolvers.add(_XmlNamespaceSchema())
    manifest = etree.parse(str(tmp_path / "imsmanifest.xml"), parser)
    # Every file xsi:schemaLocation names is in the package, at its root; the
    # manifest is validated against those of the namespaces it uses. (IMS's
    # metadata schema, named but unused, breaks a rule libxml2 enforces.)
    locations = manifest.getroot().get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation").split()
    pairs = dict(zip(locations[::2], locations[1::2], strict=True))
    assert ROOT_SCHEMA[version] in pairs.values()
    assert [f for f in pairs.values() if not (tmp_path / f).is_file()] == []
    used = {etree.QName(e).namespace for e in manifest.iter()} | {
        etree.QName(a).namespace for e in manifest.iter() for a in e.attrib
    }
    imports = "".join(
        f'<xs:import namespace="{ns}" schemaLocation="{file}"/>' for ns, file in pairs.items() if ns in used
    )
    assert imports.count("<xs:import") == 2  # content packaging and ADL's SCORM extension
    (tmp_path / "all.xsd").write_text(
        f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>', encoding="utf-8"
    )
    schema = etree.XMLSchema(etree.parse(str(tmp_path / "all.xsd"), parser))
    assert schema.validate(manifest), schema.error_log


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_manifest_lists_every_file_in_the_zip(packages, version):
    root, names = manifest_of(packages[version])
    listed = [unquote(f.get("href")) for f in root.iter(f"{{{NAMESPACES[version]}}}file")]
    schemas = {n for n in names if "/" not in n and n.endswith((".xsd", ".dtd"))}
    assert len(listed) == len(set(listed))
    assert set(listed) == set(names) - CONTROL_FILES - schemas
    assert names[0] == "imsmanifest.xml"  # at the root, first
    for page in ("index.html", "modules/01-intro.html", "modules/03-final.html", "assets/lms/scorm/launch.js"):
        assert page in listed
    assert not any(n.endswith("/index.html") and n.startswith("modules/") for n in names)  # files, not folders


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_nothing_in_the_zip_reaches_outside_the_package(packages, version, tmp_path):
    with zipfile.ZipFile(packages[version]) as archive:
        archive.extractall(tmp_path)
        names = archive.namelist()
    assert outside_references(tmp_path) == []
    for name in names:
        if name.endswith((".html", ".css", ".json", ".xml")):
            text = (tmp_path / name).read_text(encoding="utf-8")
            for absolute in ('href="/', 'src="/', "url(/", 'href="http://127', "github.com/sales-leader-academy"):
                assert absolute not in text, f"{name} holds {absolute!r}"
    assert "404.html" not in names


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_the_package_leaves_out_the_guide_source_maps_and_unused_search_languages(packages, version, tmp_path):
    with zipfile.ZipFile(packages[version]) as archive:
        archive.extractall(tmp_path)
        names = archive.namelist()
    assert "modules/01-intro.html" in names and "readings.html" in names
    assert [n for n in names if n.startswith("guide/")] == []
    assert [n for n in names if n.endswith(".map")] == []
    index = json.loads((tmp_path / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en"]
    assert [n for n in names if "/lunr/" in n] == []  # an English-only search loads no language file
    assert not any(doc["location"].startswith("guide/") for doc in index["docs"]), "guide pages in the search"
    for name in names:
        if name.endswith((".html", ".js", ".css")):
            text = (tmp_path / name).read_text(encoding="utf-8")
            assert not re.search(r"""href=["']?(\.\./)*guide/""", text), f"{name} links the left-out guide"
            assert "sourceMappingURL" not in text, f"{name} names a left-out source map"


def test_search_language_files_are_kept_for_the_languages_searched():
    assert search_files_used(["en"]) == set()
    assert search_files_used(["de"]) == {"min/lunr.stemmer.support.min.js", "min/lunr.de.min.js"}
    assert search_files_used(["en", "ja"]) == {
        "min/lunr.stemmer.support.min.js",
        "tinyseg.js",
        "min/lunr.ja.min.js",
        "min/lunr.multi.min.js",
    }
    assert "wordcut.js" in search_files_used(["th"])


def test_a_learner_page_linking_the_guide_gets_no_package(tmp_path):
    """A package is the learner edition, whatever COURSE_EDITION says."""
    site = write_course(tmp_path / "course")
    site.write("docs/index.md", "---\ntitle: Welcome\n---\n\n# Welcome\n\nTrainers read [the guide](guide/index.md).\n")
    page = site.root / "docs" / "modules" / "02-practice.md"
    page.write_text(
        page.read_text(encoding="utf-8") + '\n<a href="../guide/">How this course is written</a>\n', encoding="utf-8"
    )
    last = len(page.read_text(encoding="utf-8").splitlines())
    site.edition = "facilitator"
    site.write_config(
        [
            {"Home": "index.md"},
            {"Course": list(site.nav)},
            {"Reading list": "readings.md"},
            {"Trainer guide": ["guide/index.md", "guide/quizzes.md"]},
        ]
    )
    status, out, err = run_course(
        "--config", str(site.root / "mkdocs.yml"), "scorm", "--output", str(tmp_path / "dist")
    )
    assert status == 1, out + err
    left_out = (
        "leads to a facilitators' page, which the learner edition (the published site, every SCORM package) leaves out"
    )
    hint = "(remove the link from this learner page, or give the facilitator edition's address (https://...))"
    assert [line for line in out.splitlines() if line.startswith("docs/")] == [
        f"docs/index.md:7: link \"the guide\" to 'guide/index.md' {left_out} {hint}",
        f"docs/modules/02-practice.md:{last}: link \"How this course is written\" to '../guide/' {left_out} {hint}",
    ]
    assert not (tmp_path / "dist").exists()


def test_launch_page_carries_the_course_outline(packages):
    with zipfile.ZipFile(packages["2004"]) as archive:
        page = archive.read(LAUNCH_FILE).decode("utf-8")
    assert '"version":"2004"' in page and '"passMark":60' in page
    assert '"id":"final-assessment"' in page and '"page":"modules/03-final.html"' in page
    assert 'import("./assets/lms/scorm/launch.js")' in page


def test_data_island_cannot_be_closed_by_author_text():
    text = island_json({"text": "</script><script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text and "&" not in text


def test_packages_are_byte_identical_from_one_build_to_the_next(packages, tmp_path):
    config = packages["1.2"].parent.parent / "mkdocs.yml"
    status, out, err = run_course("--config", str(config), "scorm", "--version", "1.2", "--output", str(tmp_path))
    assert status == 0, out + err
    assert sorted(p.name for p in tmp_path.iterdir()) == [packages["1.2"].name]  # --version 1.2: one zip
    assert (tmp_path / packages["1.2"].name).read_bytes() == packages["1.2"].read_bytes()


def test_a_course_with_problems_gives_no_package(site, tmp_path):
    site.write("docs/index.md", "# Home\n")
    site.module("01-intro.md", module_page("intro", level="expert"))
    config = site.write_config()
    status, out, err = run_course("--config", str(config), "scorm", "--output", str(tmp_path / "dist"))
    assert status == 1
    assert "docs/modules/01-intro.md:" in out and "level" in out
    assert "no package written" in err
    assert not (tmp_path / "dist").exists()


def test_packages_are_never_written_into_the_docs(site):
    site.write("docs/index.md", "# Home\n")
    config = site.write_config()
    status, _out, err = run_course("--config", str(config), "scorm", "--output", str(site.docs / "dist"))
    assert status == 2 and "refusing" in err


@pytest.mark.parametrize(
    "markup",
    [
        '<script src="https://cdn.example.com/x.js"></script>',
        '<link rel="stylesheet" href="//fonts.example.com/x.css">',
        '<img src="/assets/logo.png">',
        '<a href="/modules/01-x.html">root-relative</a>',
        '<div style="background: url(https://example.com/a.png)"></div>',
        '<img srcset="a.png 1x, https://example.com/b.png 2x">',
    ],
)
def test_outside_references_are_found(markup):
    assert html_problems(markup, "page.html")


@pytest.mark.parametrize(
    "markup",
    [
        '<a href="https://doi.org/10.1037/a0029279">a reading</a>',
        '<img src="data:image/png;base64,AAAA">',
        '<script src="../assets/lms/quiz.js"></script>',
        '<a href="#top">top</a>',
        '<a href="mailto:trainer@example.com">mail</a>',
    ],
)
def test_relative_resources_and_links_to_readings_are_fine(markup):
    assert html_problems(markup, "page.html") == []


def test_stylesheets_loading_from_outside_are_found():
    assert css_problems("@import 'https://fonts.example.com/x.css';\na { background: url(/x.png) }", "x.css") != []
    assert (
        css_problems('a { background: url("data:image/svg+xml;x") } b { background: url(../img/x.png) }', "x.css") == []
    )


def test_trainer_guide_page_builds_strict_and_is_in_the_nav(site):
    guide = (ROOT / "docs" / "guide" / "lms-packages.md").read_text(encoding="utf-8")
    assert "guide/lms-packages.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    site.module("01-intro.md", module_page("intro"))
    quizzes = "---\nrender_macros: false\n---\n\n# Quizzes\n\n## What learners get\n"
    result = build_guide_pages(site, {"guide/lms-packages.md": guide, "guide/quizzes.md": quizzes})
    page = result.page("guide/lms-packages/index.html")
    for reported in (
        "cmi.core.lesson_status",
        "cmi.success_status",
        "cmi.score.scaled",
        "cmi.suspend_data",
        "cmi.interactions",
        "cmi.core.session_time",
    ):
        assert reported in page
    assert "course scorm" in page
