"""The dashboard page (*Dasbor*): five charts over one SQL snapshot, and the office's reports."""
