"""The cards page: print proof-of-enrolment cards, preview and print them, verify a card, handovers."""
