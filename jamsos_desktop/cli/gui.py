"""Starting the desktop application from the command line, with a dialog for a database that cannot
be opened (locked, read-only, newer, not ours): one sentence, exit 2, the file untouched."""

from __future__ import annotations

import argparse
import logging

from jamsos_desktop.cli.base import ContextOpener
from jamsos_desktop.domain.errors import JamsosError

log = logging.getLogger(__name__)


def start_gui(args: argparse.Namespace, opener: ContextOpener) -> int:
    from jamsos_desktop.app import setup_logging
    from jamsos_desktop.paths import resolve

    data_dir, _ = resolve(args.data_dir, args.db)
    setup_logging(data_dir, verbose=args.debug, console=args.debug)
    from jamsos_desktop.services.instance_lock import InstanceLock

    lock = InstanceLock(data_dir)  # one desktop application per data folder, released when it ends
    try:
        lock.acquire()
        context = opener(data_dir=args.data_dir, db=args.db)
    except JamsosError as exc:
        lock.release()
        log.error("cannot open the database: %s", exc.message("en"))
        from jamsos_desktop.ui.app import show_startup_error

        show_startup_error(exc.message(args.lang))
        return exc.exit_code
    try:
        from jamsos_desktop.ui.app import run

        return run(context, open_file=getattr(args, "open_file", None))
    finally:
        context.close()
        lock.release()
