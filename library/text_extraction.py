"""The words inside uploaded documents, so that search can find resources by what their files say.

`extract_text(file, filename)` reads one file and returns `(text, page_count)`, or raises
`TextNotExtracted` with a reason an editor can understand. `read_document_text(...)` wraps it for
the background task: it never raises, applies the limits below and says, in plain English, what
happened (a `TextResult`).

Uploads come from editors, but the files themselves often come from elsewhere, so every reader is
bounded: pages read, characters kept, time spent, and the unpacked size of a zip-based file
(DOCX, ODT) checked before anything inside it is opened. XML is parsed with entities refused
(defusedxml for ODT; python-docx's own parser does not resolve entities).
"""

import logging
import re
import time
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

MAX_PAGES = 300
MAX_CHARACTERS = 1_000_000
MAX_SECONDS = 120
# DOCX and ODT are zip files: a few kilobytes can unpack to gigabytes. 50 MB unpacked is far more
# than any real report's text and pictures together.
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
MAX_ZIP_ENTRIES = 5_000

# A document's `text_status` values.
PENDING, EXTRACTED, NOT_EXTRACTED, NOT_APPLICABLE = (
    "pending",
    "extracted",
    "not_extracted",
    "not_applicable",
)

PDF, DOCX, ODT, PLAIN = "pdf", "docx", "odt", "plain"
KINDS_BY_EXTENSION = {"pdf": PDF, "docx": DOCX, "odt": ODT, "txt": PLAIN, "csv": PLAIN}

ODT_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
}


class TextNotExtracted(Exception):  # noqa: N818 (an outcome to report, not a programming error)
    """The file's text could not be read; `reason` says why, for an editor."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class NotReadable(TextNotExtracted):
    """The site does not read text from this kind of file at all."""


@dataclass(frozen=True)
class TextResult:
    """What a document's text fields should hold after reading its file."""

    status: str
    text: str = ""
    page_count: int | None = None
    reason: str = ""


@dataclass(frozen=True)
class Reading:
    text: str
    page_count: int | None
    note: str = ""  # why reading stopped before the end, if it did


def file_kind(filename):
    return KINDS_BY_EXTENSION.get(PurePath(filename or "").suffix.lower().lstrip("."))


def extract_text(file, filename=None, *, max_pages=MAX_PAGES, max_characters=MAX_CHARACTERS):
    """The text of `file` (a binary file object) and its page count (None when unknown).

    Reads at most `max_pages` pages and returns at most `max_characters + 1` characters, so a
    caller can tell when a limit was reached. Raises `TextNotExtracted` (or `NotReadable` for
    file types the site does not read) with a plain-English reason.
    """
    reading = read(file, filename, max_pages=max_pages, max_characters=max_characters)
    return reading.text, reading.page_count


def read(file, filename=None, *, max_pages=MAX_PAGES, max_characters=MAX_CHARACTERS):
    """Like `extract_text`, as a `Reading` that also says why reading stopped early."""
    filename = filename or getattr(file, "name", "")
    kind = file_kind(filename)
    if kind is None:
        extension = PurePath(filename or "").suffix.lower() or _("this kind of")
        raise NotReadable(_("The site does not read text from %s files") % extension)
    reader = {PDF: pdf_text, DOCX: docx_text, ODT: odt_text, PLAIN: plain_text}[kind]
    reading = reader(file, max_pages=max_pages, max_characters=max_characters)
    text = clean_text(reading.text)[: max_characters + 1]
    return Reading(text, reading.page_count, reading.note)


def read_document_text(file, filename=None):
    """A `TextResult` for `file`. Never raises, whatever the file contains."""
    try:
        reading = read(file, filename)
    except NotReadable as outcome:
        return TextResult(NOT_APPLICABLE, reason=outcome.reason)
    except TextNotExtracted as outcome:
        return TextResult(NOT_EXTRACTED, reason=outcome.reason)
    except MemoryError:
        return TextResult(NOT_EXTRACTED, reason=_("The file is too large to read"))
    except RecursionError:
        return TextResult(NOT_EXTRACTED, reason=_("The file is damaged or too complex to read"))
    except Exception:  # a failure inside a parser is the file's problem, never the upload's
        logger.exception("Reading the text of %s failed", filename)
        return TextResult(NOT_EXTRACTED, reason=_("The file could not be read (it may be damaged)"))

    text, page_count = reading.text, reading.page_count
    notes = []
    if page_count is not None and page_count > MAX_PAGES:
        notes.append(_("Only the first %(limit)d pages were read") % {"limit": MAX_PAGES})
    if reading.note:
        notes.append(reading.note)
    if len(text) > MAX_CHARACTERS:
        text = text[:MAX_CHARACTERS]
        notes.append(
            _("Only the first %(limit)s characters were kept") % {"limit": f"{MAX_CHARACTERS:,}"}
        )
    if not text.strip():
        return TextResult(
            NOT_EXTRACTED,
            page_count=page_count,
            reason=_(
                "No text was found in the file (a scanned document holds pictures of pages, "
                "not text)"
            ),
        )
    return TextResult(EXTRACTED, text=text, page_count=page_count, reason="; ".join(notes))


# Control characters other than tab and newline carry no words, and PostgreSQL cannot store NUL.
_CONTROL = dict.fromkeys((*range(0, 9), 11, 12, *range(14, 32), 127), " ")
_CONTROL[13] = "\n"


def clean_text(text):
    """Text safe to store and index: no control characters or lone surrogates, tidy spacing."""
    text = text.replace("\r\n", "\n").translate(_CONTROL)
    text = text.encode("utf-8", "replace").decode("utf-8")
    lines = []
    for line in text.split("\n"):
        line = " ".join(line.split())
        if line or (lines and lines[-1]):  # at most one empty line in a row
            lines.append(line)
    return "\n".join(lines).strip()


class Collector:
    """Joins pieces of text, and stops taking them once it holds more than `limit` characters."""

    def __init__(self, limit):
        self.limit = limit
        self.parts = []
        self.size = 0

    @property
    def full(self):
        return self.size > self.limit

    def add(self, text):
        if text and not self.full:
            self.parts.append(text)
            self.size += len(text) + 1

    def text(self):
        return "\n".join(self.parts)


# PDF ------------------------------------------------------------------------------------------

# What pypdf and the structures it walks raise on a damaged or hostile file.
PDF_ERRORS = (ValueError, KeyError, IndexError, TypeError, AttributeError, OSError, EOFError)


def pdf_text(file, *, max_pages, max_characters):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    damaged = _("The file is damaged or not really a PDF")
    try:
        reader = PdfReader(file, strict=False)
        if reader.is_encrypted:
            # Many "protected" PDFs only restrict printing or copying and open with an empty
            # password; one that needs a real password stays closed.
            try:
                opened = reader.decrypt("")
            except DependencyError as error:
                raise TextNotExtracted(
                    _("The PDF is encrypted in a way the site cannot read")
                ) from error
            if not opened:
                raise TextNotExtracted(_("The PDF is password-protected"))
        page_count = len(reader.pages)
    except FileNotDecryptedError as error:
        raise TextNotExtracted(_("The PDF is password-protected")) from error
    except (PyPdfError, *PDF_ERRORS) as error:
        raise TextNotExtracted(damaged) from error

    collected = Collector(max_characters)
    to_read = min(page_count, max_pages)
    started = time.monotonic()
    unreadable = 0
    note = ""
    for number in range(to_read):
        if collected.full:
            break
        if time.monotonic() - started > MAX_SECONDS:
            note = _("Reading stopped after %(count)d pages: the file took too long to read") % {
                "count": number
            }
            break
        try:
            collected.add(reader.pages[number].extract_text() or "")
        except (PyPdfError, *PDF_ERRORS):
            unreadable += 1
    if to_read and unreadable == to_read:
        raise TextNotExtracted(damaged)
    if unreadable and not note:
        note = _("%(count)d pages could not be read") % {"count": unreadable}
    return Reading(collected.text(), page_count, note)


# DOCX and ODT ----------------------------------------------------------------------------------


def open_checked_zip(file, kind_name):
    """The zip archive in `file`, once its declared unpacked size is known to be safe.

    Python's zipfile never unpacks more than an entry's declared size, so checking the declared
    sizes first bounds the memory any later step can use.
    """
    try:
        archive = zipfile.ZipFile(file)
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise TextNotExtracted(_("The file is damaged or not really %s") % kind_name) from error
    if len(entries) > MAX_ZIP_ENTRIES:
        raise TextNotExtracted(_("The file holds too many parts to read safely"))
    if sum(entry.file_size for entry in entries) > MAX_UNZIPPED_BYTES:
        raise TextNotExtracted(
            _("The file unpacks to more than %(limit)d MB, too large to read safely")
            % {"limit": MAX_UNZIPPED_BYTES // (1024 * 1024)}
        )
    return archive


def docx_text(file, *, max_pages, max_characters):
    import docx

    kind_name = _("a Word (DOCX) file")
    archive = open_checked_zip(file, kind_name)
    page_count = recorded_page_count(archive, "docProps/app.xml", ".//{*}Pages", ".//{*}Words")
    file.seek(0)
    try:
        document = docx.Document(file)
    except Exception as error:  # a missing part, broken XML: a damaged package
        raise TextNotExtracted(_("The file is damaged or not really %s") % kind_name) from error

    collected = Collector(max_characters)
    docx_blocks(document, collected)
    return Reading(collected.text(), page_count)


def docx_blocks(container, collected):
    """Paragraphs and tables (cell by cell, nested tables too) in the order they appear."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if collected.full:
            return
        if isinstance(block, Table):
            for row in block.rows:
                seen = set()
                for cell in row.cells:
                    # A cell merged across columns comes back once for each column it spans.
                    if id(cell._tc) not in seen:
                        seen.add(id(cell._tc))
                        docx_blocks(cell, collected)
        else:
            collected.add(block.text)


def odt_text(file, *, max_pages, max_characters):
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    kind_name = _("an OpenDocument text (ODT) file")
    archive = open_checked_zip(file, kind_name)
    try:
        root = fromstring(archive.read("content.xml"))
    except DefusedXmlException as error:
        raise TextNotExtracted(_("The file contains XML the site refuses to read")) from error
    except (KeyError, ParseError, zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise TextNotExtracted(_("The file is damaged or not really %s") % kind_name) from error
    body = root.find("office:body/office:text", ODT_NS)
    if body is None:
        raise TextNotExtracted(_("The file is damaged or not really %s") % kind_name)

    collected = Collector(max_characters)
    odt_blocks(body, collected)
    page_count = recorded_page_count(
        archive,
        "meta.xml",
        ".//meta:document-statistic",
        ".//meta:document-statistic",
        attributes=(f"{{{ODT_NS['meta']}}}page-count", f"{{{ODT_NS['meta']}}}word-count"),
    )
    return Reading(collected.text(), page_count)


TEXT_NS = f"{{{ODT_NS['text']}}}"
ODF_WHITESPACE = re.compile(r"[ \t\r\n]+")
ODT_BLOCKS = {TEXT_NS + "p", TEXT_NS + "h"}


def odt_blocks(element, collected):
    """Paragraphs and headings, wherever they sit (lists, tables, sections), in order."""
    for child in element:
        if collected.full:
            return
        if child.tag in ODT_BLOCKS:
            collected.add(odt_inline(child))
        else:
            odt_blocks(child, collected)


def odt_inline(element):
    """The text of one paragraph or heading, with ODF's space, tab and line-break elements.

    In ODF, line ends and runs of spaces in the XML are just one space; breaks are elements.
    """
    parts = [ODF_WHITESPACE.sub(" ", element.text or "")]
    for child in element:
        if child.tag == TEXT_NS + "s":
            parts.append(" " * min(positive_int(child.get(TEXT_NS + "c")) or 1, 100))
        elif child.tag == TEXT_NS + "tab":
            parts.append("\t")
        elif child.tag == TEXT_NS + "line-break":
            parts.append("\n")
        elif child.tag == TEXT_NS + "note":
            parts.append(" ")  # footnotes and endnotes are left out
        else:
            parts.append(odt_inline(child))
        parts.append(ODF_WHITESPACE.sub(" ", child.tail or ""))
    return "".join(parts)


def recorded_page_count(archive, name, pages_path, words_path, *, attributes=(None, None)):
    """The page count the word processor recorded when it saved the file, or None.

    Only DOCX and ODT metadata has one, and only a word processor keeps it up to date: files
    written by other programs keep their template's figure (python-docx's says 1 page and 0
    words). A count is trusted only when the recorded word count is above zero too.
    """
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(archive.read(name))
    except Exception:  # metadata is optional: missing or odd just means "unknown"
        return None
    values = []
    for path, attribute in zip((pages_path, words_path), attributes, strict=True):
        element = root.find(path, ODT_NS)
        if element is None:
            return None
        values.append(positive_int(element.get(attribute) if attribute else element.text))
    pages, words = values
    return pages if words else None


def positive_int(value):
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 10**9 else None


# Plain text ------------------------------------------------------------------------------------


def plain_text(file, *, max_pages, max_characters):
    # A character takes at most 4 bytes in UTF-8: read enough for the limit and no more.
    data = file.read(4 * (max_characters + 1))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        text = data.decode("utf-8-sig", errors="replace")
    return Reading(text, None)
