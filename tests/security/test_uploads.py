"""Uploads are judged by their contents as well as their names, and limited in size and pixels.

Every upload goes through the admin's own URLs as an editor: the single "Add a document" form,
the multiple uploader, and "replace file" on the edit form; images through the image add view.
The files are real ones, built here.
"""

import io
import json
import zipfile

import filetype
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document as WordDocument
from fpdf import FPDF
from openpyxl import Workbook
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from library import upload_checks
from tests.roles import client_for
from tests.subprocess_django import run_python

# Files of each kind ----------------------------------------------------------------------------


def pdf_bytes(text="Night shelters in Nottingham"):
    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def docx_bytes():
    document = WordDocument()
    document.add_paragraph("Minutes of the Community of Practice")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes():
    workbook = Workbook()
    workbook.active["A1"] = "Attendance"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def zip_bytes(entries):
    """A zip with `entries` (name, bytes) in this order; "mimetype" is stored uncompressed."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in entries:
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=method)
    return out.getvalue()


def content_types(main_type):
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/main.xml" ContentType="{main_type}"/>'
        "</Types>"
    ).encode()


def pptx_bytes():
    main = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
    return zip_bytes(
        [
            ("[Content_Types].xml", content_types(main)),
            ("_rels/.rels", b"<Relationships/>"),
            ("ppt/presentation.xml", b"<p:presentation/>"),
        ]
    )


def open_document_bytes(mimetype):
    return zip_bytes(
        [
            ("mimetype", mimetype.encode()),
            ("content.xml", b"<office:document-content/>"),
            ("META-INF/manifest.xml", b"<manifest:manifest/>"),
        ]
    )


def mp4_bytes():
    # An ISO media file's first box names its brands: "isom" is an MP4 (filetype's matcher).
    ftyp = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isommp41"
    return ftyp + b"\x00\x00\x00\x08free" + b"\x00\x00\x00\x10mdat" + bytes(8)


def mp3_bytes():
    # An ID3v2 tag, then one MPEG-1 Layer III frame header.
    return b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" + bytes(413)


VTT = b"WEBVTT\n\n00:00.000 --> 00:04.000\nWelcome to the webinar on PIEs.\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>'

ALLOWED = [
    ("report.pdf", pdf_bytes()),
    ("minutes.docx", docx_bytes()),
    ("notes.odt", open_document_bytes("application/vnd.oasis.opendocument.text")),
    ("attendance.xlsx", xlsx_bytes()),
    ("budget.ods", open_document_bytes("application/vnd.oasis.opendocument.spreadsheet")),
    ("slides.pptx", pptx_bytes()),
    ("slides.odp", open_document_bytes("application/vnd.oasis.opendocument.presentation")),
    ("read-me.txt", "Café opening times: 10:00 to 16:00\n".encode()),
    ("contacts.csv", "\ufeffname,organisation\nSam,Framework\n".encode()),
    ("webinar.mp4", mp4_bytes()),
    ("webinar.mp3", mp3_bytes()),
    ("webinar.vtt", VTT),
]


# The admin's upload forms ----------------------------------------------------------------------


def root_collection_id():
    return str(Collection.get_first_root_node().pk)


def add_document(client, filename, content, title="Uploaded file"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(filename, content),
            "collection": root_collection_id(),
        },
    )


def add_multiple(client, filename, content):
    return client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile(filename, content), "collection": root_collection_id()},
    )


def form_errors(response):
    return plain(" ".join(response.context["form"].errors.get("file", [])))


def plain(text):
    """Sizes are written with a non-breaking space ("1.0\xa0MB")."""
    return text.replace("\xa0", " ")


@pytest.fixture
def editor_client(editor):
    return client_for(editor)


@pytest.mark.parametrize(("filename", "content"), ALLOWED, ids=[name for name, _ in ALLOWED])
def test_each_allowed_kind_is_accepted_by_the_add_form(editor_client, filename, content):
    response = add_document(editor_client, filename, content, title=f"Upload of {filename}")

    assert response.status_code == 302, form_errors(response)
    document = get_document_model().objects.get(title=f"Upload of {filename}")
    assert document.file_extension == filename.rsplit(".", 1)[1]
    with document.open_file() as stored:
        assert stored.read() == content


@pytest.mark.parametrize(("filename", "content"), ALLOWED, ids=[name for name, _ in ALLOWED])
def test_each_allowed_kind_is_accepted_by_the_multiple_uploader(editor_client, filename, content):
    response = add_multiple(editor_client, filename, content)

    assert response.json()["success"] is True, response.json()
    assert get_document_model().objects.filter(title=filename).count() == 1


REFUSED = [
    pytest.param(
        "report.docx",
        pdf_bytes(),
        "This file is not a real Word document (.docx): its contents look like a PDF",
        id="pdf-renamed-docx",
    ),
    pytest.param(
        "notes.txt",
        HTML,
        "This file is not a real plain text file (.txt): its contents look like a web page",
        id="html-renamed-txt",
    ),
    pytest.param(
        "logo.txt", SVG, "its contents look like a web page or other markup", id="svg-renamed-txt"
    ),
    pytest.param(
        "data.csv",
        b'<?xml version="1.0"?>' + SVG,
        "not a real CSV file: its contents look like a web page or other markup",
        id="xml-svg-renamed-csv",
    ),
    pytest.param(
        "minutes.docx",
        zip_bytes([("readme.txt", b"hello"), ("word/document.xml", b"<w:document/>")]),
        "not a real Word document (.docx): its contents look like a zip archive",
        id="zip-renamed-docx",
    ),
    pytest.param(
        "slides.pptx",
        docx_bytes(),
        "not a real PowerPoint presentation (.pptx): its contents look like a Word document",
        id="docx-renamed-pptx",
    ),
    pytest.param(
        "notes.odt",
        open_document_bytes("application/vnd.oasis.opendocument.spreadsheet"),
        "its contents look like an OpenDocument spreadsheet",
        id="ods-renamed-odt",
    ),
    pytest.param(
        "webinar.mp4",
        mp3_bytes(),
        "This file is not a real MP4 video: its contents look like an MP3 audio file",
        id="mp3-renamed-mp4",
    ),
    pytest.param(
        "webinar.mp3",
        HTML,
        "This file is not a real MP3 audio file: its contents look like a web page",
        id="html-renamed-mp3",
    ),
    pytest.param(
        "captions.vtt",
        b"00:00.000 --> 00:04.000\nNo header\n",
        "captions files start with “WEBVTT”",
        id="vtt-without-header",
    ),
    pytest.param(
        "notes.txt",
        b"Caf\xe9 opening times\n",
        "its contents look like text that is not UTF-8",
        id="latin-1-text",
    ),
    pytest.param(
        "notes.txt",
        b"one\x00two\n",
        "its contents look like a binary file, not text",
        id="nul-bytes",
    ),
    pytest.param(
        "report.pdf",
        b"\x00\x01\x02 nothing anyone knows",
        "This file is not a real PDF: its contents do not match its name",
        id="unrecognised",
    ),
    pytest.param(
        "page.html", HTML, "Files ending “.html” cannot be uploaded here.", id="html-extension"
    ),
    pytest.param(
        "logo.svg", SVG, "Files ending “.svg” cannot be uploaded here.", id="svg-extension"
    ),
    pytest.param(
        "tool.exe",
        b"MZ\x90\x00" + bytes(200),
        "Files ending “.exe” cannot be uploaded here.",
        id="exe-extension",
    ),
    pytest.param("README", b"hello", "The file name has no extension", id="no-extension"),
]

ALLOWED_LIST = (
    "You can upload a PDF, Word document (.docx), OpenDocument text (.odt), Excel workbook "
    "(.xlsx), OpenDocument spreadsheet (.ods), PowerPoint presentation (.pptx), OpenDocument "
    "presentation (.odp), plain text file (.txt), CSV file, MP4 video, MP3 audio file or WebVTT "
    "captions file (.vtt)."
)


@pytest.mark.parametrize(("filename", "content", "message"), REFUSED)
def test_the_add_form_refuses_files_whose_contents_do_not_match(
    editor_client, filename, content, message
):
    response = add_document(editor_client, filename, content, title="Refused upload")

    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert len(errors) == 1, errors
    assert message in errors[0]
    assert errors[0].endswith(ALLOWED_LIST)
    assert message in response.content.decode()
    assert not get_document_model().objects.filter(title="Refused upload").exists()


@pytest.mark.parametrize(("filename", "content", "message"), REFUSED)
def test_the_multiple_uploader_refuses_them_too(editor_client, filename, content, message):
    response = add_multiple(editor_client, filename, content)

    body = response.json()
    assert body["success"] is False
    assert message in body["error_message"]
    assert not get_document_model().objects.exists()


def test_filetype_alone_would_take_a_zip_with_a_word_folder_for_a_word_document():
    """Why Office kinds are judged by their declared content types, not filetype's guess."""
    disguised = zip_bytes([("word/evil.html", HTML)])

    assert filetype.guess(disguised).extension == "docx"
    assert upload_checks.identify(io.BytesIO(disguised), "docx") == "zip"
    assert upload_checks.identify(io.BytesIO(docx_bytes()), "docx") == "docx"


def test_a_macro_enabled_word_file_renamed_docx_is_refused(editor_client):
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as original:
        entries = [(info.filename, original.read(info)) for info in original.infolist()]
    macro_type = b"application/vnd.ms-word.document.macroEnabled.main+xml"
    docm = zip_bytes(
        [
            (name, content.replace(upload_checks.OOXML_MAIN_TYPES["docx"], macro_type))
            for name, content in entries
        ]
    )

    refused = add_document(editor_client, "minutes.docx", docm, title="Macros")
    accepted = add_document(editor_client, "minutes.docx", docx_bytes(), title="No macros")

    assert "not a real Word document (.docx)" in form_errors(refused)
    assert accepted.status_code == 302
    assert list(get_document_model().objects.values_list("title", flat=True)) == ["No macros"]


def test_text_that_merely_starts_like_magic_bytes_is_still_text(editor_client):
    # "BM" opens a bitmap, "%!" PostScript: a CSV about BMI is neither.
    response = add_document(editor_client, "bmi.csv", b"BMI,count\n25,4\n", title="BMI")

    assert response.status_code == 302, form_errors(response)
    assert get_document_model().objects.get().title == "BMI"


# Sizes ----------------------------------------------------------------------------------------


def test_a_file_over_its_kinds_limit_is_refused_with_the_limit(editor_client, settings):
    settings.PDU_UPLOAD_MAX_MB = {**settings.PDU_UPLOAD_MAX_MB, "txt": 1}
    just_under = b"a" * (1024 * 1024)
    just_over = just_under + b"a"

    refused = add_document(editor_client, "big.txt", just_over, title="Too big")
    accepted = add_document(editor_client, "fits.txt", just_under, title="Fits")

    assert refused.status_code == 200
    assert form_errors(refused) == (
        "This file is too big (1.0 MB): the largest plain text file (.txt) you can upload is "
        "1 MB. Make it smaller, or split it, and upload it again."
    )
    assert accepted.status_code == 302
    assert list(get_document_model().objects.values_list("title", flat=True)) == ["Fits"]


def test_the_multiple_uploader_refuses_an_oversize_file(editor_client, settings):
    settings.PDU_UPLOAD_MAX_MB = {**settings.PDU_UPLOAD_MAX_MB, "vtt": 1}
    big_captions = VTT + b"x" * (1024 * 1024)

    body = add_multiple(editor_client, "long.vtt", big_captions).json()

    assert body["success"] is False
    assert "the largest WebVTT captions file (.vtt) you can upload is 1 MB" in body["error_message"]
    assert not get_document_model().objects.exists()


def test_the_upload_form_lists_what_it_accepts_and_how_big(editor_client):
    page = editor_client.get(reverse("wagtaildocs:add")).content.decode()

    assert "Accepted: PDF up to 50 MB, Word document (.docx) up to 25 MB" in page
    assert "MP4 video up to 500 MB, MP3 audio file up to 100 MB" in page


def test_the_video_limit_comes_from_the_environment():
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.PDU_UPLOAD_MAX_MB['mp4'], s.WAGTAILDOCS_MAX_UPLOAD_SIZE]))"
    )
    default = run_python(code, "pdu_site.settings.test")
    raised = run_python(code, "pdu_site.settings.test", {"PDU_UPLOAD_MAX_VIDEO_MB": "2000"})

    assert json.loads(default.stdout) == [500, 500 * 1024 * 1024], default.stderr
    assert json.loads(raised.stdout) == [2000, 2000 * 1024 * 1024], raised.stderr


# Replacing a document's file -------------------------------------------------------------------


@pytest.fixture
def uploaded_pdf(editor_client):
    add_document(editor_client, "guide.pdf", pdf_bytes("First version"), title="Guide")
    return get_document_model().objects.get(title="Guide")


def replace_file(client, document, filename, content):
    return client.post(
        reverse("wagtaildocs:edit", args=(document.pk,)),
        {
            "title": document.title,
            "collection": root_collection_id(),
            "file": SimpleUploadedFile(filename, content),
        },
    )


def test_replacing_the_file_with_a_mismatched_one_is_refused(editor_client, uploaded_pdf):
    original_name, original_hash = uploaded_pdf.file.name, uploaded_pdf.file_hash

    response = replace_file(editor_client, uploaded_pdf, "guide.pdf", HTML)

    assert response.status_code == 200
    assert "This file is not a real PDF: its contents look like a web page" in form_errors(response)
    uploaded_pdf.refresh_from_db()
    assert (uploaded_pdf.file.name, uploaded_pdf.file_hash) == (original_name, original_hash)
    with uploaded_pdf.open_file() as stored:
        assert stored.read().startswith(b"%PDF")


def test_replacing_the_file_with_a_real_one_succeeds(editor_client, uploaded_pdf):
    original_hash = uploaded_pdf.file_hash
    second = pdf_bytes("Second version")

    response = replace_file(editor_client, uploaded_pdf, "guide-v2.pdf", second)

    assert response.status_code == 302
    uploaded_pdf.refresh_from_db()
    assert uploaded_pdf.file_hash != original_hash
    with uploaded_pdf.open_file() as stored:
        assert stored.read() == second


def test_editing_without_a_new_file_keeps_the_stored_one(editor_client, uploaded_pdf):
    response = editor_client.post(
        reverse("wagtaildocs:edit", args=(uploaded_pdf.pk,)),
        {"title": "Guide, renamed", "collection": root_collection_id()},
    )

    assert response.status_code == 302
    uploaded_pdf.refresh_from_db()
    assert uploaded_pdf.title == "Guide, renamed"


# Images ---------------------------------------------------------------------------------------


def png_bytes(size=(40, 30), mode="RGB"):
    out = io.BytesIO()
    Image.new(mode, size).save(out, format="PNG", optimize=True)
    return out.getvalue()


def add_image(client, filename, content, title="Uploaded image"):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(filename, content),
            "collection": root_collection_id(),
        },
    )


def image_errors(response):
    return " ".join(response.context["form"].errors.get("file", []))


def test_a_real_png_is_accepted(editor_client):
    response = add_image(editor_client, "team.png", png_bytes(), title="Team photo")

    assert response.status_code == 302, image_errors(response)
    image = get_image_model().objects.get()
    assert (image.title, image.width, image.height) == ("Team photo", 40, 30)


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_a_decompression_bomb_is_refused(editor_client):
    bomb = png_bytes(size=(10_000, 10_000), mode="1")
    assert len(bomb) < 100_000  # small to send, 100 million pixels to decode

    response = add_image(editor_client, "bomb.png", bomb)

    assert response.status_code == 200
    assert "This file has too many pixels" in image_errors(response)
    assert "Maximum pixels 40000000" in image_errors(response)
    assert not get_image_model().objects.exists()


def test_an_svg_image_is_refused(editor_client, settings):
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS

    response = add_image(editor_client, "logo.svg", SVG)

    assert response.status_code == 200
    assert "Not a supported image format" in image_errors(response)
    assert not get_image_model().objects.exists()


def test_an_html_file_renamed_png_is_refused(editor_client):
    response = add_image(editor_client, "photo.png", HTML)

    assert response.status_code == 200
    assert "Not a valid .png image" in image_errors(response)
    assert not get_image_model().objects.exists()


def test_files_too_big_for_memory_are_checked_from_disk_too(editor_client, settings):
    over_memory_limit = settings.FILE_UPLOAD_MAX_MEMORY_SIZE + 1
    recording = mp4_bytes() + bytes(over_memory_limit)
    disguised = b"<html>" + b" " * over_memory_limit + b"</html>"

    accepted = add_document(editor_client, "webinar.mp4", recording, title="Recording")
    refused = add_document(editor_client, "webinar.mp4", disguised, title="Disguised")

    assert accepted.status_code == 302, form_errors(accepted)
    assert "not a real MP4 video: its contents look like a web page" in form_errors(refused)
    assert list(get_document_model().objects.values_list("title", flat=True)) == ["Recording"]
