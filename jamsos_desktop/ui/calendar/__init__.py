"""The contribution calendar page (*Kalender Iuran*): grid, worker strip and monthly action lists."""
