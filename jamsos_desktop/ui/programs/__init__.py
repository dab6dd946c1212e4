"""The programmes page (*Program & Iuran*): programmes, funders, enrolment, payments and budget."""
