"""A4 printer through CUPS: an IPP codec of our own and a client that prints PDFs and reads printer and job states."""
