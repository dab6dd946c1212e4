"""Use cases shared by the command line and the GUI. No Qt; storage reached only through the
unit-of-work port (:mod:`jamsos_desktop.services.ports`), wired up in :mod:`jamsos_desktop.app`."""
