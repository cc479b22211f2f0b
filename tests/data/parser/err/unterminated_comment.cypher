RETURN 1 /* unterminated
