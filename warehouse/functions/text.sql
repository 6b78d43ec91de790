-- Text clean-up shared by the staging models.

-- clean_text(s): the text without surrounding white space (spaces, tabs, line breaks, no-break and zero-width spaces,
-- byte-order marks: what copy and paste leaves behind); NULL when nothing is left. Inner text is kept as typed.
-- Most values need no trimming, and looking at the first and last character is much cheaper than trim() with a
-- character set (a tracker has millions of cells), so that is tried first. s is evaluated more than once: pass a
-- column, not an expensive expression.
CREATE OR REPLACE MACRO clean_text(s) AS
    CASE
        WHEN ord(s) NOT IN (-1, 9, 10, 13, 32, 160, 8203, 8239, 65279)
            AND ord(right(s, 1)) NOT IN (9, 10, 13, 32, 160, 8203, 8239, 65279)
            THEN s
        ELSE nullif(trim(s, chr(32) || chr(9) || chr(10) || chr(13) || chr(160) || chr(8203) || chr(8239) || chr(65279)), '')
    END;
