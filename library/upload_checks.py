"""What an uploaded document really is, judged by its contents as well as its name.

A name is only a claim: an HTML page renamed "notes.txt" or a PDF renamed "report.docx" would
otherwise be stored and handed to readers as something it is not. Each kind the site accepts is
recognised by its contents, and the name and the contents must agree.

- Binary kinds (PDF, MP4, MP3) by their magic bytes, read by `filetype`.
- Office files are zip archives. `filetype` only guesses their kind from the first few entries'
  names, so a plain zip whose first entry is "word/x" passes as Word and a real document written
  in another order fails. The kind comes from the parts that define it instead: the main part's
  content type in "[Content_Types].xml" (Word, Excel, PowerPoint; macro-enabled files name
  another type, so they are refused) or the "mimetype" entry (OpenDocument).
- Text kinds (TXT, CSV, WebVTT) have no magic: UTF-8 (a BOM allowed) with no NUL bytes, not
  starting like markup (HTML, SVG, XML), and for WebVTT starting with "WEBVTT".

Pure functions: `check_document` raises `RefusedUploadError`, whose message is for the person
uploading.
"""

import codecs
import re
import zipfile
from pathlib import PurePath

import filetype
from django.template.defaultfilters import filesizeformat
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from filetype.types import audio, video

# Every kind the checks recognise, by extension: its name, and how a message says a file is one.
DOCUMENT_KINDS = {
    "pdf": gettext_lazy("PDF"),
    "docx": gettext_lazy("Word document (.docx)"),
    "odt": gettext_lazy("OpenDocument text (.odt)"),
    "xlsx": gettext_lazy("Excel workbook (.xlsx)"),
    "ods": gettext_lazy("OpenDocument spreadsheet (.ods)"),
    "pptx": gettext_lazy("PowerPoint presentation (.pptx)"),
    "odp": gettext_lazy("OpenDocument presentation (.odp)"),
    "txt": gettext_lazy("plain text file (.txt)"),
    "csv": gettext_lazy("CSV file"),
    "mp4": gettext_lazy("MP4 video"),
    "mp3": gettext_lazy("MP3 audio file"),
    "vtt": gettext_lazy("WebVTT captions file (.vtt)"),
}
AS_CONTENTS = {
    "pdf": gettext_lazy("a PDF"),
    "docx": gettext_lazy("a Word document"),
    "odt": gettext_lazy("an OpenDocument text"),
    "xlsx": gettext_lazy("an Excel workbook"),
    "ods": gettext_lazy("an OpenDocument spreadsheet"),
    "pptx": gettext_lazy("a PowerPoint presentation"),
    "odp": gettext_lazy("an OpenDocument presentation"),
    "mp4": gettext_lazy("an MP4 video"),
    "mp3": gettext_lazy("an MP3 audio file"),
    "vtt": gettext_lazy("WebVTT captions"),
}

TEXT_KINDS = {"txt", "csv", "vtt"}

# The main part of each Office Open XML kind, as "[Content_Types].xml" names it.
OOXML_MAIN_TYPES = {
    "docx": b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "pptx": b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
# The "mimetype" entry every OpenDocument file starts with.
ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
# Both entries are a few kilobytes in a real file; anything much bigger is not read.
MAX_CONTENT_TYPES_BYTES = 1024 * 1024
MAX_MIMETYPE_BYTES = 200

# Text starting like this would be a web page or an image with scripts if a browser rendered it.
MARKUP_START = re.compile(
    r"\s*<(?:!doctype|html|head|body|svg|script|iframe|object|embed|\?xml|!--)", re.IGNORECASE
)
# "WEBVTT" alone on the first line, or followed by a space or tab and a header.
WEBVTT_START = re.compile(r"WEBVTT(?:[ \t]|\r|\n|$)")

HEAD_BYTES = 8192
TEXT_CHUNK_BYTES = 64 * 1024
MB = 1024 * 1024


class RefusedUploadError(ValueError):
    """The file may not be uploaded; `message` tells the person why and what to do."""

    def __init__(self, message, code):
        super().__init__(message)
        self.message = message
        self.code = code


def extension_of(filename):
    return PurePath(filename or "").suffix.lower().lstrip(".")


def allowed_kinds_text(allowed_extensions):
    """ "PDF, Word document (.docx), ... or WebVTT captions file (.vtt)", in the allow-list's
    order."""
    labels = [str(DOCUMENT_KINDS[ext]) for ext in allowed_extensions if ext in DOCUMENT_KINDS]
    if len(labels) < 2:
        return "".join(labels)
    return _("%(first)s or %(last)s") % {"first": ", ".join(labels[:-1]), "last": labels[-1]}


def check_document(file, filename, allowed_extensions, max_mb):
    """Refuse the upload unless its name is allowed, its size within limits and its contents
    are what the name says.

    `file` is a Django `File` opened in binary mode (it is left at its start); `max_mb` maps
    extensions to the most megabytes each may weigh (kinds without an entry have no limit).
    """
    extension = extension_of(filename)
    allowed = [ext for ext in allowed_extensions if ext in DOCUMENT_KINDS]
    upload_one_of = _("You can upload a %(kinds)s.") % {"kinds": allowed_kinds_text(allowed)}
    if extension not in allowed:
        if extension:
            message = _("Files ending “.%(extension)s” cannot be uploaded here.") % {
                "extension": extension
            }
        else:
            message = _("The file name has no extension, such as “.pdf”.")
        raise RefusedUploadError(f"{message} {upload_one_of}", code="extension_not_allowed")

    check_size(file.size, extension, max_mb)

    looks_like = identify(file, extension)
    if not agrees(extension, looks_like):
        raise RefusedUploadError(
            f"{mismatch_message(extension, looks_like)} {upload_one_of}", code="content_mismatch"
        )


def check_size(size, extension, max_mb):
    limit_mb = max_mb.get(extension)
    if limit_mb is None or size <= limit_mb * MB:
        return
    raise RefusedUploadError(
        _(
            "This file is too big (%(size)s): the largest %(kind)s you can upload is %(limit)s. "
            "Make it smaller, or split it, and upload it again."
        )
        % {
            "size": filesizeformat(size),
            "kind": DOCUMENT_KINDS[extension],
            "limit": megabytes(limit_mb),
        },
        code="file_too_large",
    )


def megabytes(count):
    return _("%(count)s MB") % {"count": count}


def mismatch_message(extension, looks_like):
    expected = DOCUMENT_KINDS[extension]
    if extension == "vtt" and looks_like == TEXT:
        return _("This file is not a real %(kind)s: captions files start with “WEBVTT”.") % {
            "kind": expected
        }
    if looks_like is None:
        return _(
            "This file is not a real %(kind)s: its contents do not match its name, and its "
            "type could not be recognised."
        ) % {"kind": expected}
    return _(
        "This file is not a real %(kind)s: its contents look like %(actual)s, which does not "
        "match its name."
    ) % {"kind": expected, "actual": description_of(looks_like)}


# What a file looks like ---------------------------------------------------------------------

TEXT = "text"
MARKUP = "markup"
BINARY = "binary"
NOT_UTF8 = "not-utf8"
DAMAGED_ZIP = "damaged-zip"

DESCRIPTIONS = {
    TEXT: gettext_lazy("plain text"),
    MARKUP: gettext_lazy("a web page or other markup (HTML, SVG or XML)"),
    BINARY: gettext_lazy("a binary file, not text"),
    NOT_UTF8: gettext_lazy("text that is not UTF-8 (save it as UTF-8 and try again)"),
    DAMAGED_ZIP: gettext_lazy("a damaged zip archive"),
    "zip": gettext_lazy("a zip archive"),
}


def description_of(looks_like):
    if looks_like in DESCRIPTIONS:
        return DESCRIPTIONS[looks_like]
    if looks_like in AS_CONTENTS:
        return AS_CONTENTS[looks_like]
    return format_lazy(gettext_lazy("a “.{extension}” file"), extension=looks_like)


def agrees(extension, looks_like):
    if extension in ("txt", "csv"):
        return looks_like in (TEXT, "vtt")  # captions are plain text too
    return looks_like == extension


def identify(file, claimed_extension):
    """What the contents are: a kind's extension ("pdf", "docx", "vtt", or another such as
    "exe" or "png"), one of the descriptions above (TEXT, MARKUP...), or None if unrecognised.

    Text can start with bytes that look like magic ("BM" is a bitmap's, "%!" PostScript's) and
    a small PDF can be plain ASCII, so the reading the name claims comes first: text for text
    kinds, magic bytes for the rest. The other reading only describes a mismatch.
    """
    try:
        if claimed_extension in TEXT_KINDS:
            as_text = text_kind(file)
            if as_text in (TEXT, "vtt", MARKUP):
                return as_text
            return magic_kind(file) or as_text
        as_text = text_kind(file)
        return magic_kind(file) or (as_text if as_text in (TEXT, "vtt", MARKUP) else None)
    finally:
        file.seek(0)


def magic_kind(file):
    file.seek(0)
    head = file.read(HEAD_BYTES)
    if head.startswith(b"PK\x03\x04"):
        file.seek(0)
        return zip_kind(file)
    # Asked first: `filetype.guess` tries other kinds before these (an MP4 branded for audio
    # is "m4a" to it).
    if video.Mp4().match(head):
        return "mp4"
    if audio.Mp3().match(head):
        return "mp3"
    guess = filetype.guess(head)
    return guess.extension if guess else None


def zip_kind(file):
    """ "docx", "xlsx", "pptx", "odt", "ods", "odp", "zip", or DAMAGED_ZIP.

    Only the archive's directory and at most two small entries are read, never unpacked whole.
    """
    try:
        with zipfile.ZipFile(file) as archive:
            entries = {info.filename: info for info in archive.infolist()}
            content_types = entries.get("[Content_Types].xml")
            if content_types and content_types.file_size <= MAX_CONTENT_TYPES_BYTES:
                declared = archive.read(content_types)
                for kind, main_type in OOXML_MAIN_TYPES.items():
                    if main_type in declared:
                        return kind
            mimetype = entries.get("mimetype")
            if mimetype and mimetype.file_size <= MAX_MIMETYPE_BYTES:
                declared = archive.read(mimetype).strip()
                for kind, odf_type in ODF_MIMETYPES.items():
                    if declared == odf_type:
                        return kind
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError):
        return DAMAGED_ZIP
    return "zip"


def text_kind(file):
    """ "vtt", TEXT, MARKUP, BINARY or NOT_UTF8."""
    file.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    start = ""
    try:
        for chunk in iter(lambda: file.read(TEXT_CHUNK_BYTES), b""):
            if b"\x00" in chunk:
                return BINARY
            text = decoder.decode(chunk)
            if len(start) < 1024:
                start += text[:1024]
        start += decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return NOT_UTF8
    if MARKUP_START.match(start):
        return MARKUP
    if WEBVTT_START.match(start):
        return "vtt"
    return TEXT
