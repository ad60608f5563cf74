"""``imsmanifest.xml`` for SCORM 1.2 and SCORM 2004 4th edition.

One organisation with one item: the whole course is one SCO, launched by
``scorm-launch.html`` (one LMS session for the whole visit). The SCO's
resource lists every file of the package, so the LMS knows all of it
belongs to the course. Identifiers come from the site name, never from
random numbers, so two builds of the same course give the same manifest.
"""

from __future__ import annotations

import re
from typing import TypedDict
from urllib.parse import quote
from xml.etree import ElementTree as ET

XSI = "http://www.w3.org/2001/XMLSchema-instance"


class Schema(TypedDict):
    version: str  # the manifest's <schemaversion>
    cp: str  # content packaging namespace
    adlcp: str  # ADL's namespace
    scormtype: str  # how the attribute naming a SCO is spelled
    locations: list[tuple[str, str]]  # namespace, schema file


SCHEMAS: dict[str, Schema] = {
    "1.2": {
        "version": "1.2",
        "cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
        "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
        "scormtype": "scormtype",
        "locations": [
            ("http://www.imsproject.org/xsd/imscp_rootv1p1p2", "imscp_rootv1p1p2.xsd"),
            ("http://www.imsglobal.org/xsd/imsmd_rootv1p2p1", "imsmd_rootv1p2p1.xsd"),
            ("http://www.adlnet.org/xsd/adlcp_rootv1p2", "adlcp_rootv1p2.xsd"),
        ],
    },
    "2004": {
        "version": "2004 4th Edition",
        "cp": "http://www.imsglobal.org/xsd/imscp_v1p1",
        "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
        "scormtype": "scormType",
        "locations": [
            ("http://www.imsglobal.org/xsd/imscp_v1p1", "imscp_v1p1.xsd"),
            ("http://www.adlnet.org/xsd/adlcp_v1p3", "adlcp_v1p3.xsd"),
            ("http://www.adlnet.org/xsd/adlseq_v1p3", "adlseq_v1p3.xsd"),
            ("http://www.adlnet.org/xsd/adlnav_v1p3", "adlnav_v1p3.xsd"),
            ("http://www.imsglobal.org/xsd/imsss", "imsss_v1p0.xsd"),
        ],
    },
}


def identifier(text: str) -> str:
    """An XML ID (NCName) from ``text``: letters, digits, hyphens; starts with a letter."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "course"
    return slug if slug[0].isalpha() else f"course-{slug}"


def manifest_xml(version: str, title: str, launch: str, files: list[str]) -> bytes:
    """The manifest naming ``launch`` as the SCO and listing ``files`` (package paths)."""
    schema = SCHEMAS[version]
    cp, adlcp = schema["cp"], schema["adlcp"]
    ET.register_namespace("", cp)
    ET.register_namespace("adlcp", adlcp)
    ET.register_namespace("xsi", XSI)
    name = identifier(title)
    suffix = "scorm12" if version == "1.2" else "scorm2004"
    root = ET.Element(f"{{{cp}}}manifest", {"identifier": f"{name}-{suffix}", "version": "1"})
    root.set(f"{{{XSI}}}schemaLocation", " ".join(f"{ns} {xsd}" for ns, xsd in schema["locations"]))
    metadata = ET.SubElement(root, f"{{{cp}}}metadata")
    ET.SubElement(metadata, f"{{{cp}}}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{{{cp}}}schemaversion").text = schema["version"]
    organizations = ET.SubElement(root, f"{{{cp}}}organizations", {"default": f"{name}-org"})
    organization = ET.SubElement(organizations, f"{{{cp}}}organization", {"identifier": f"{name}-org"})
    ET.SubElement(organization, f"{{{cp}}}title").text = title
    item = ET.SubElement(organization, f"{{{cp}}}item", {"identifier": f"{name}-item", "identifierref": f"{name}-sco"})
    ET.SubElement(item, f"{{{cp}}}title").text = title
    resources = ET.SubElement(root, f"{{{cp}}}resources")
    resource = ET.SubElement(
        resources,
        f"{{{cp}}}resource",
        {
            "identifier": f"{name}-sco",
            "type": "webcontent",
            f"{{{adlcp}}}{schema['scormtype']}": "sco",
            "href": quote(launch),
        },
    )
    for path in [launch, *sorted(set(files) - {launch})]:
        ET.SubElement(resource, f"{{{cp}}}file", {"href": quote(path)})
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode").encode("utf-8") + b"\n"
