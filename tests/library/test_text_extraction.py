"""Reading the text inside uploaded files: each format, and every way a file can refuse.

Every file is made here, in memory: PDFs with fpdf2 (and pypdf for encryption and page counts),
DOCX with python-docx, ODT as a zip of hand-written XML.
"""

import io
import zipfile

import docx
import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from library import text_extraction
from library.text_extraction import (
    EXTRACTED,
    MAX_CHARACTERS,
    MAX_PAGES,
    NOT_APPLICABLE,
    NOT_EXTRACTED,
    TextNotExtracted,
    extract_text,
    read_document_text,
)


def make_pdf(*pages):
    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def rewrite_pdf(data, change):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_docx(change=None):
    document = docx.Document()
    document.add_heading("Working with people in hostels", level=1)
    document.add_paragraph("Psychologically informed environments help staff and residents.")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Merged heading"
    table.cell(0, 2).text = "Outcome"
    table.cell(1, 0).text = "Housing First"
    table.cell(1, 1).text = "Tenancy sustained"
    inner = table.cell(1, 2).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "Nested cell text"
    document.add_paragraph("Closing paragraph after the table.")
    if change:
        change(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content
    xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">
  <office:body>
    <office:text>
      <text:h text:outline-level="1">Community of Practice notes</text:h>
      <text:p>Trauma<text:s/>informed<text:s text:c="3"/>care<text:tab/>in
        <text:span>day centres</text:span><text:line-break/>second line<text:note>
          <text:note-body><text:p>A footnote</text:p></text:note-body>
        </text:note></text:p>
      <text:list><text:list-item><text:p>A point in a list</text:p></text:list-item></text:list>
      <table:table>
        <table:table-row><table:table-cell><text:p>A table cell</text:p></table:table-cell>
        </table:table-row>
      </table:table>
    </office:text>
  </office:body>
</office:document-content>
"""

ODT_META = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0">
  <office:meta><meta:document-statistic meta:page-count="4" meta:word-count="900"/></office:meta>
</office:document-meta>
"""


def make_odt(content=ODT_CONTENT, meta=ODT_META):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
        if meta:
            archive.writestr("meta.xml", meta)
    return out.getvalue()


def read(data, filename):
    return read_document_text(io.BytesIO(data), filename)


# PDF


def test_pdf_text_and_page_count():
    data = make_pdf("Working with people who use hostels.", "Second page about outreach.")

    result = read(data, "guide.pdf")

    assert result.status == EXTRACTED
    assert result.page_count == 2
    assert "people who use hostels" in result.text
    assert "Second page about outreach" in result.text
    assert result.reason == ""


def test_extract_text_returns_text_and_page_count():
    text, page_count = extract_text(io.BytesIO(make_pdf("One page.")), "one.pdf")

    assert (text, page_count) == ("One page.", 1)


def test_password_protected_pdf_is_not_extracted_with_the_reason():
    data = rewrite_pdf(make_pdf("Secret words"), lambda writer: writer.encrypt("a-password"))

    result = read(data, "locked.pdf")

    assert result.status == NOT_EXTRACTED
    assert result.reason == "The PDF is password-protected"
    assert result.text == ""


def test_pdf_restricted_only_by_an_owner_password_is_still_read():
    # "Protected" PDFs that only forbid printing or copying open without a password.
    data = rewrite_pdf(
        make_pdf("Readable words"),
        lambda writer: writer.encrypt("", owner_password="owner-only"),
    )

    result = read(data, "restricted.pdf")

    assert result.status == EXTRACTED
    assert "Readable words" in result.text


@pytest.mark.parametrize(
    "data",
    [
        b"This is a text file wearing a PDF name.",
        b"",
        b"%PDF-1.4\n" + bytes(range(256)) * 50,
        make_pdf("Cut in half")[:300],
    ],
    ids=["not-a-pdf", "empty", "garbage-after-header", "truncated"],
)
def test_corrupt_pdf_is_not_extracted_with_the_reason(data):
    result = read(data, "broken.pdf")

    assert result.status == NOT_EXTRACTED
    assert result.reason == "The file is damaged or not really a PDF"


def test_pdf_with_many_pages_is_read_only_up_to_the_page_limit():
    def repeat_page(writer):
        for _ in range(MAX_PAGES + 200):
            writer.add_page(writer.pages[0])

    data = rewrite_pdf(make_pdf("A page of a very long report."), repeat_page)

    result = read(data, "long.pdf")

    assert result.status == EXTRACTED
    assert result.page_count == MAX_PAGES + 201
    assert result.reason == f"Only the first {MAX_PAGES} pages were read"
    assert result.text.count("A page of a very long report.") == MAX_PAGES


def test_pdf_reading_stops_when_it_takes_too_long(monkeypatch):
    clock = iter([0, 0, 0, 10_000, 10_000])
    monkeypatch.setattr(text_extraction.time, "monotonic", lambda: next(clock))
    data = make_pdf("First page.", "Second page.", "Third page.", "Fourth page.")

    result = read(data, "slow.pdf")

    assert result.status == EXTRACTED
    assert result.text == "First page.\nSecond page."
    assert result.reason == "Reading stopped after 2 pages: the file took too long to read"


def test_pdf_without_a_text_layer_says_so():
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 100)  # a drawing, as a scan would be a picture: no text

    result = read(bytes(pdf.output()), "scan.pdf")

    assert result.status == NOT_EXTRACTED
    assert result.page_count == 1
    assert result.reason.startswith("No text was found in the file")


# DOCX


def test_docx_paragraphs_and_tables_in_order():
    result = read(make_docx(), "notes.docx")

    assert result.status == EXTRACTED
    assert result.text.split("\n") == [
        "Working with people in hostels",
        "Psychologically informed environments help staff and residents.",
        "Merged heading",  # once, though the merged cell spans two columns
        "Outcome",
        "Housing First",
        "Tenancy sustained",
        "Nested cell text",
        "Closing paragraph after the table.",
    ]


def test_docx_page_count_is_taken_only_from_current_metadata():
    # python-docx keeps its template's "1 page, 0 words": not a count to trust.
    assert read(make_docx(), "notes.docx").page_count is None

    def record_statistics(document):
        app = document.part.package.part_related_by(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
        )
        app._blob = app.blob.replace(b"<Pages>1</Pages>", b"<Pages>7</Pages>").replace(
            b"<Words>0</Words>", b"<Words>2100</Words>"
        )

    assert read(make_docx(record_statistics), "notes.docx").page_count == 7


def zip_with_extra_entry(data, name, size):
    out = io.BytesIO(data)
    block = b"\0" * (1024 * 1024)
    with (
        zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open(name, "w") as entry,
    ):
        for _ in range(size // len(block)):
            entry.write(block)
    return out.getvalue()


def test_zip_bomb_like_docx_is_refused_before_it_is_unpacked(monkeypatch):
    data = zip_with_extra_entry(make_docx(), "word/media/padding.bin", 60 * 1024 * 1024)
    assert len(data) < 1024 * 1024  # under a megabyte on disk, 60 MB unpacked
    unpacked = []
    monkeypatch.setattr(docx, "Document", lambda *args: unpacked.append(args))

    result = read(data, "bomb.docx")

    assert result.status == NOT_EXTRACTED
    assert result.reason == "The file unpacks to more than 50 MB, too large to read safely"
    assert unpacked == []


def test_docx_with_too_many_parts_is_refused(monkeypatch):
    monkeypatch.setattr(text_extraction, "MAX_ZIP_ENTRIES", 10)

    result = read(make_docx(), "many-parts.docx")

    assert result.status == NOT_EXTRACTED
    assert result.reason == "The file holds too many parts to read safely"


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04 not really a zip", make_odt()],
    ids=["not-a-zip", "a-zip-but-not-a-docx"],
)
def test_corrupt_docx_is_not_extracted_with_the_reason(data):
    result = read(data, "broken.docx")

    assert result.status == NOT_EXTRACTED
    assert result.reason == "The file is damaged or not really a Word (DOCX) file"


# ODT


def test_odt_paragraphs_headings_lists_and_tables():
    result = read(make_odt(), "notes.odt")

    assert result.status == EXTRACTED
    assert result.page_count == 4
    assert result.text.split("\n") == [
        "Community of Practice notes",
        "Trauma informed care in day centres",
        "second line",
        "A point in a list",
        "A table cell",
    ]


def test_odt_refuses_xml_entities():
    laughs = """<?xml version="1.0"?>
<!DOCTYPE office:document-content [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
  <office:body><office:text><text:p>&lol2;</text:p></office:text></office:body>
</office:document-content>"""

    result = read(make_odt(content=laughs), "laughs.odt")

    assert result.status == NOT_EXTRACTED
    assert result.reason == "The file contains XML the site refuses to read"


def test_odt_bomb_is_refused():
    data = zip_with_extra_entry(make_odt(), "Pictures/padding.bin", 60 * 1024 * 1024)

    result = read(data, "bomb.odt")

    assert result.status == NOT_EXTRACTED
    assert "too large to read safely" in result.reason


def test_odt_without_content_is_not_extracted():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")

    result = read(out.getvalue(), "empty.odt")

    assert result.status == NOT_EXTRACTED
    assert result.reason == "The file is damaged or not really an OpenDocument text (ODT) file"


# Plain text


def test_txt_and_csv_are_read_as_utf8_with_bad_bytes_replaced():
    result = read("Café notes\r\nline two\n".encode() + b"\xff\x00end", "notes.txt")
    assert result.status == EXTRACTED
    assert result.text == "Café notes\nline two\n\ufffd end"
    assert result.page_count is None

    csv = read(b"\xef\xbb\xbfname,role\nSam,Navigator\n", "team.csv")
    assert csv.text == "name,role\nSam,Navigator"


def test_utf16_text_with_a_byte_order_mark_is_decoded():
    result = read("Hostel outreach".encode("utf-16"), "notes.txt")

    assert result.text == "Hostel outreach"


def test_very_long_text_is_cut_at_the_character_limit():
    result = read(b"word " * (MAX_CHARACTERS // 5 + 1000), "long.txt")

    assert result.status == EXTRACTED
    assert len(result.text) == MAX_CHARACTERS
    assert result.reason == "Only the first 1,000,000 characters were kept"


def test_empty_text_file_has_no_text():
    result = read(b"  \n\n ", "empty.txt")

    assert result.status == NOT_EXTRACTED
    assert result.reason.startswith("No text was found")


# Other files and unexpected failures


@pytest.mark.parametrize("filename", ["slides.pptx", "figures.xlsx", "talk.odp", "no-extension"])
def test_other_file_types_are_not_applicable(filename):
    result = read(b"whatever is inside", filename)

    assert result.status == NOT_APPLICABLE
    assert result.reason.startswith("The site does not read text from")


def test_an_unexpected_error_in_a_reader_never_escapes(monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("a bug in a parser")

    monkeypatch.setattr(text_extraction, "plain_text", explode)

    result = read(b"text", "notes.txt")

    assert result.status == NOT_EXTRACTED
    assert result.reason == "The file could not be read (it may be damaged)"


def test_extract_text_raises_with_the_reason_for_callers_that_want_it():
    with pytest.raises(TextNotExtracted) as raised:
        extract_text(io.BytesIO(b"nope"), "broken.pdf")

    assert raised.value.reason == "The file is damaged or not really a PDF"
