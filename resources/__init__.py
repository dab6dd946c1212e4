"""Shipped resources: region data, icons, style sheets, translations.

Installed as ``jamsos_desktop.resources``; find files with :mod:`jamsos_desktop.resources_path`.
"""
