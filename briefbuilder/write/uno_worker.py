"""Lay out .docx files as PDF in a running LibreOffice, over its UNO bridge, one request at a time.

Run as a script by a Python that can ``import uno`` (Debian's python3-uno under
/usr/bin/python3, or LibreOffice's own Python), which need not be the Python
running briefbuilder: it imports nothing but ``uno`` and the standard library.
``libreoffice.RunningOffice`` starts it with the connection string of the
LibreOffice it started, writes one JSON request per line on its standard input
and reads one JSON answer per line from its standard output.

Each request names a .docx, the PDF to write, the PDF export options and what
LibreOffice does not read from the .docx (write/pdf.py says why), applied in
the same pass, between loading and exporting, in LibreOffice's main thread:
Hangul-digit auto-spacing off, the forbidden-character lists of Korean line
breaking, the endnote pages' page style. The document is closed after its
export, so nothing of it stays for the next one.

Answers: ``{"connected": true}`` once LibreOffice answers (an error if it does
not in time; one with ``no_uno`` if this Python has no ``uno``), then
``{"ok": true}`` or ``{"error": "...", "office_lost": bool}`` per request; with
``office_lost`` the worker exits, as the LibreOffice it talked to is gone. The
worker and LibreOffice are killed when no longer needed (LibreOffice's profile
and temporary files are thrown away with them); should briefbuilder itself be
killed first, its end of the worker's input closes and the worker asks
LibreOffice to quit, so none is left running.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from typing import Any

CONNECT_PAUSE = 0.05  # seconds between attempts while LibreOffice starts
ALIVE_CHECK = 1.0  # seconds between checks that LibreOffice still runs while a document is laid out


def answer(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main() -> None:
    try:
        import uno
        import unohelper
        from com.sun.star.awt import XCallback
        from com.sun.star.beans import PropertyValue
        from com.sun.star.connection import NoConnectException
        from com.sun.star.i18n import ForbiddenCharacters
        from com.sun.star.lang import DisposedException, Locale
        from com.sun.star.uno import RuntimeException
    except ImportError as error:
        answer({"error": f"{sys.executable} cannot import uno: {error}", "no_uno": True})
        return

    connection, connect_timeout = sys.argv[1], float(sys.argv[2])

    def properties(**values: Any) -> tuple[Any, ...]:
        return tuple(PropertyValue(Name=name, Value=value) for name, value in values.items())

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + connect_timeout
    while True:
        try:
            context = resolver.resolve(f"uno:{connection};StarOffice.ComponentContext")
            break
        except NoConnectException:
            if time.monotonic() > deadline:
                answer({"error": f"LibreOffice did not answer within {connect_timeout:.0f} s", "office_lost": True})
                return
            time.sleep(CONNECT_PAUSE)
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    main_thread = context.ServiceManager.createInstanceWithContext("com.sun.star.awt.AsyncCallback", context)
    answer({"connected": True})

    class InMainThread(unohelper.Base, XCallback):
        """A job LibreOffice runs in its main thread, where the calls the job makes run too.

        Between two calls from outside, LibreOffice's main thread lays documents out while idle; a
        .docx laid out so, a bit at a time, can lose a section's page style (the landscape annex of
        a Korean brief came out portrait). ``soffice --convert-to`` loads and exports in the main
        thread with nothing in between; so does this.
        """

        def __init__(self, request: dict[str, Any]) -> None:
            self.request = request
            self.done = threading.Event()
            self.error: Exception | None = None

        def notify(self, data: Any) -> None:
            try:
                convert(self.request)
            except Exception as error:
                self.error = error
            finally:
                self.done.set()

    def convert_in_main_thread(request: dict[str, Any]) -> None:
        job = InMainThread(request)
        main_thread.addCallback(job, None)
        while not job.done.wait(ALIVE_CHECK):
            if not office_alive():
                raise DisposedException("LibreOffice stopped", None)
        if job.error is not None:
            raise job.error

    def convert(request: dict[str, Any]) -> None:
        document = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(request["docx"]), "_blank", 0,
            properties(Hidden=True, ReadOnly=True, FilterName="MS Word 2007 XML", MacroExecutionMode=0))
        if document is None:
            raise ValueError(f"LibreOffice could not open {request['docx']}")
        try:
            forbidden = request["forbidden_characters"]
            if forbidden:
                settings = document.createInstance("com.sun.star.text.DocumentSettings")
                settings.ForbiddenCharacters.setForbiddenCharacters(
                    Locale(forbidden["language"], forbidden["country"], ""),
                    ForbiddenCharacters(forbidden["begin_line"], forbidden["end_line"]))
                # The table changes without the lines being broken again (LibreOffice's own settings dialog
                # has them re-laid out); a change of the compression setting, undone, lays every line out anew.
                compression = settings.CharacterCompressionType
                settings.CharacterCompressionType = 1 - min(compression, 1)
                settings.CharacterCompressionType = compression
            if not request["east_asian_autospace"]:
                # LibreOffice reads no auto-spacing from a .docx, so no style or paragraph sets its own:
                # all of them take the document's default.
                document.createInstance("com.sun.star.text.Defaults").ParaIsCharacterDistance = False
            if request["endnotes"]:
                # LibreOffice sets endnotes on pages of their own style, without the text pages' footer
                cursor = document.Text.createTextCursor()
                document.EndnoteSettings.PageStyleName = cursor.PageStyleName
            # typed as a sequence of properties: a bare tuple reaches the filter as nothing it reads
            options = uno.Any("[]com.sun.star.beans.PropertyValue", properties(**request["filter_data"]))
            document.storeToURL(uno.systemPathToFileUrl(request["pdf"]),
                                properties(FilterName=request["filter"], FilterData=options))
        finally:
            document.close(True)

    def office_alive() -> bool:
        try:
            desktop.getFrames()
            return True
        except (DisposedException, RuntimeException):
            return False

    for line in sys.stdin:
        try:
            convert_in_main_thread(json.loads(line))
        except Exception as error:  # LibreOffice's IOException and the like, or the office gone
            lost = not office_alive()
            answer({"error": getattr(error, "Message", "") or str(error) or type(error).__name__,
                    "office_lost": lost})
            if lost:
                return
        else:
            answer({"ok": True})
    try:  # no more requests: briefbuilder is done, or was killed outright; either way LibreOffice can quit
        desktop.terminate()
    except (DisposedException, RuntimeException):
        pass


if __name__ == "__main__":
    main()
