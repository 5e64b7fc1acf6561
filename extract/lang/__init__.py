"""spaCy languages tarikh defines (spaCy ships `az` but no `kk`)."""
