RETURN 'unterminated
