/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Zone-file lexer: reads the file in large chunks and cuts it into entries (one record or
 * directive, parentheses joining lines) of tokens, each with its line and column. */
#include "config.h"

#include "zone-private.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define CHUNK_SIZE      (256 * 1024)
/* The least a buffer starts with, whatever the file's size says: it grows when a line needs it. */
#define MIN_CHUNK_SIZE  1024
/* A longer line is not a zone file: it is reported and skipped rather than buffered whole. */
#define MAX_LINE_LENGTH (64 * 1024)

typedef enum {
  LINE_OK,
  LINE_TOO_LONG,
  LINE_EOF,
  LINE_IO,
} LineStatus;

typedef struct {
  gboolean open;
  guint    line;
  guint    column;
} Paren;

/* Bytes that end an unquoted token. */
static const guint8 delimiter[256] = {
  ['\0'] = 1, [' '] = 1, ['\t'] = 1, ['\r'] = 1, [';'] = 1, ['('] = 1, [')'] = 1, ['"'] = 1,
  ['\n'] = 1,
};

/* The delimiters and the backslash: what a word scan must stop at (one test per byte). */
static const guint8 word_stop[256] = {
  ['\0'] = 1, [' '] = 1, ['\t'] = 1, ['\r'] = 1, [';'] = 1, ['('] = 1, [')'] = 1, ['"'] = 1,
  ['\n'] = 1, ['\\'] = 1,
};

static const guint8 blank[256] = { [' '] = 1, ['\t'] = 1, ['\r'] = 1 };

void
lcs_zone_lexer_init (LcsZoneLexer *lexer,
                     FILE         *file,
                     goffset       file_size)
{
  memset (lexer, 0, sizeof *lexer);
  lexer->file = file;
  /* A small file gets a small buffer: a large one for every file costs its pages each time (a
   * fuzzer reads thousands of small zones a second). */
  lexer->size = file_size > 0 ? (gsize) CLAMP (file_size + 1, MIN_CHUNK_SIZE, CHUNK_SIZE)
                              : CHUNK_SIZE;
  lexer->buf = g_malloc (lexer->size);
  lexer->line = 1;
  lexer->text_size = 1024;
  lexer->text = g_malloc (lexer->text_size);
  lexer->tokens_size = 16;
  lexer->tokens = g_new (LcsZoneToken, lexer->tokens_size);
}

void
lcs_zone_lexer_prime (LcsZoneLexer *lexer,
                      const guint8 *bytes,
                      gsize         length)
{
  memcpy (lexer->buf + lexer->end, bytes, length);
  lexer->end += length;
}

void
lcs_zone_lexer_init_text (LcsZoneLexer *lexer,
                          char         *text,
                          gsize         length)
{
  lcs_zone_lexer_init (lexer, NULL, 0);
  g_free (lexer->buf);
  lexer->buf = text;
  lexer->size = length;
  lexer->end = length;
  lexer->eof = TRUE;
}

void
lcs_zone_lexer_clear (LcsZoneLexer *lexer)
{
  if (lexer->file != NULL)
    fclose (lexer->file);
  lexer->file = NULL;
  g_clear_pointer (&lexer->buf, g_free);
  g_clear_pointer (&lexer->text, g_free);
  g_clear_pointer (&lexer->tokens, g_free);
  g_clear_pointer (&lexer->error_message, g_free);
}

/* Moves the unread bytes to the front and reads more after them. */
static gboolean
fill_buffer (LcsZoneLexer *lexer)
{
  gsize n;

  if (lexer->pos > 0)
    {
      memmove (lexer->buf, lexer->buf + lexer->pos, lexer->end - lexer->pos);
      lexer->end -= lexer->pos;
      lexer->pos = 0;
    }
  if (lexer->end == lexer->size)
    {
      lexer->size *= 2;
      lexer->buf = g_realloc (lexer->buf, lexer->size);
    }
  n = lexer->size - lexer->end;
  if (lexer->budget != NULL && n > *lexer->budget)
    n = *lexer->budget;
  if (n == 0)
    {
      /* The zone's budget ran out: this file ends here, and the reader says why. */
      lexer->over_budget = TRUE;
      lexer->eof = TRUE;
      return TRUE;
    }
  n = fread (lexer->buf + lexer->end, 1, n, lexer->file);
  lexer->end += n;
  if (lexer->budget != NULL)
    *lexer->budget -= n;
  if (n == 0)
    {
      if (ferror (lexer->file))
        return FALSE;
      lexer->eof = TRUE;
    }
  return TRUE;
}

/* Drops bytes up to and including the next newline. */
static LineStatus
skip_line (LcsZoneLexer *lexer)
{
  for (;;)
    {
      const char *nl = memchr (lexer->buf + lexer->pos, '\n', lexer->end - lexer->pos);

      if (nl != NULL)
        {
          lexer->pos = (gsize) (nl - lexer->buf) + 1;
          return LINE_OK;
        }
      lexer->pos = lexer->end;
      if (lexer->eof)
        return LINE_OK;
      if (!fill_buffer (lexer))
        return LINE_IO;
    }
}

/* The next line without its newline, valid until the next call. */
static LineStatus
next_line (LcsZoneLexer *lexer,
           const char  **start,
           const char  **stop)
{
  gsize scanned = lexer->pos;

  for (;;)
    {
      const char *nl = memchr (lexer->buf + scanned, '\n', lexer->end - scanned);

      if (nl != NULL)
        {
          *start = lexer->buf + lexer->pos;
          *stop = nl;
          lexer->pos = (gsize) (nl - lexer->buf) + 1;
          return *stop - *start > MAX_LINE_LENGTH ? LINE_TOO_LONG : LINE_OK;
        }
      if (lexer->end - lexer->pos > MAX_LINE_LENGTH)
        return skip_line (lexer) == LINE_IO ? LINE_IO : LINE_TOO_LONG;
      if (lexer->eof)
        {
          if (lexer->pos == lexer->end)
            return LINE_EOF;
          *start = lexer->buf + lexer->pos;
          *stop = lexer->buf + lexer->end;
          lexer->pos = lexer->end;
          return LINE_OK;
        }
      scanned = lexer->end - lexer->pos;
      if (!fill_buffer (lexer))
        return LINE_IO;
      scanned += lexer->pos;
    }
}

static gboolean
fail (LcsZoneLexer *lexer,
      guint         line,
      guint         column,
      const char   *message)
{
  g_free (lexer->error_message);
  lexer->error_message = g_strdup (message);
  lexer->error_line = line;
  lexer->error_column = column;
  lexer->text_len = 0;
  lexer->n_tokens = 0;
  return FALSE;
}

static inline void
add_token (LcsZoneLexer *lexer,
           const char   *start,
           gsize         length,
           guint         line,
           guint         column,
           guint         end_column,
           gboolean      quoted)
{
  LcsZoneToken *token;

  if (lexer->n_tokens == lexer->tokens_size)
    {
      lexer->tokens_size *= 2;
      lexer->tokens = g_renew (LcsZoneToken, lexer->tokens, lexer->tokens_size);
    }
  if (lexer->text_len + length + 1 > lexer->text_size)
    {
      lexer->text_size = MAX (lexer->text_size * 2, lexer->text_len + length + 1);
      lexer->text = g_realloc (lexer->text, lexer->text_size);
    }
  token = &lexer->tokens[lexer->n_tokens++];
  token->offset = (guint32) lexer->text_len;
  token->length = (guint32) length;
  token->line = line;
  token->column = column;
  token->end_column = end_column;
  token->quoted = quoted ? 1 : 0;
  memcpy (lexer->text + lexer->text_len, start, length);
  lexer->text_len += length;
  lexer->text[lexer->text_len++] = '\0';
}

/* The first byte of word_stop at or after @p, or @stop. Every byte of a zone file goes through
 * here: with SSE2 (every x86-64), sixteen bytes are tested at once while sixteen remain in the
 * line, so no load reaches past it. Bytes up to 0x20 are only candidates, told apart below. */
static inline const char *
word_end (const char *p,
          const char *stop)
{
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8 (' ');

  while (stop - p >= 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *) p);
      __m128i hit = _mm_cmpeq_epi8 (_mm_max_epu8 (v, space), space);
      int mask;

      hit = _mm_or_si128 (hit, _mm_cmpeq_epi8 (v, _mm_set1_epi8 (';')));
      hit = _mm_or_si128 (hit, _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('(')));
      hit = _mm_or_si128 (hit, _mm_cmpeq_epi8 (v, _mm_set1_epi8 (')')));
      hit = _mm_or_si128 (hit, _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('"')));
      hit = _mm_or_si128 (hit, _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('\\')));
      mask = _mm_movemask_epi8 (hit);
      if (mask != 0)
        {
          p += __builtin_ctz ((unsigned) mask);
          break;
        }
      p += 16;
    }
#endif
  while (p < stop && !word_stop[(guint8) *p])
    p++;
  return p;
}

/* Returns the end of the token, or NULL after fail(). */
static const char *
scan_word (LcsZoneLexer *lexer,
           const char   *line,
           const char   *p,
           const char   *stop,
           guint         line_no)
{
  const char *start = p;

  for (;;)
    {
      p = word_end (p, stop);
      if (p == stop || *p != '\\')
        break;
      if (p + 1 == stop)
        {
          fail (lexer, line_no, (guint) (p - line) + 1, "backslash at the end of the line");
          return NULL;
        }
      if (p[1] == '\0')
        {
          fail (lexer, line_no, (guint) (p - line) + 2, "NUL byte");
          return NULL;
        }
      p += 2;
    }
  add_token (lexer, start, (gsize) (p - start), line_no, (guint) (start - line) + 1,
             (guint) (p - line) + 1, FALSE);
  return p;
}

static const char *
scan_quoted (LcsZoneLexer *lexer,
             const char   *line,
             const char   *p,
             const char   *stop,
             guint         line_no)
{
  const char *quote = p;
  const char *start = ++p;

  while (p < stop && *p != '"')
    {
      if (*p == '\0')
        {
          fail (lexer, line_no, (guint) (p - line) + 1, "NUL byte");
          return NULL;
        }
      if (*p == '\\' && p + 1 < stop)
        {
          if (p[1] == '\0')
            {
              fail (lexer, line_no, (guint) (p - line) + 2, "NUL byte");
              return NULL;
            }
          p++;
        }
      p++;
    }
  if (p >= stop)
    {
      fail (lexer, line_no, (guint) (quote - line) + 1,
            "quoted string not closed on its line");
      return NULL;
    }
  add_token (lexer, start, (gsize) (p - start), line_no, (guint) (quote - line) + 1,
             (guint) (p - line) + 2, TRUE);
  return p + 1;
}

/* Adds the tokens of one line; FALSE after fail(). */
static gboolean
scan_line (LcsZoneLexer *lexer,
           const char   *line,
           const char   *stop,
           guint         line_no,
           Paren        *paren)
{
  const char *p = line;

  while (p < stop)
    {
      guint column;

      /* Windows pads owners to 24 columns: skip blanks before dispatching on a byte. */
      while (blank[(guint8) *p])
        if (++p == stop)
          return TRUE;
      column = (guint) (p - line) + 1;
      if (!delimiter[(guint8) *p])
        {
          p = scan_word (lexer, line, p, stop, line_no);
          if (p == NULL)
            return FALSE;
          continue;
        }
      switch (*p)
        {
        case ';':
          return TRUE;
        case '(':
          if (paren->open)
            return fail (lexer, line_no, column, "parenthesis opened twice");
          paren->open = TRUE;
          paren->line = line_no;
          paren->column = column;
          p++;
          break;
        case ')':
          if (!paren->open)
            return fail (lexer, line_no, column, "closing parenthesis without an opening one");
          paren->open = FALSE;
          p++;
          break;
        case '"':
          p = scan_quoted (lexer, line, p, stop, line_no);
          if (p == NULL)
            return FALSE;
          break;
        default:
          /* Blanks are skipped and words scanned above: only a NUL byte is left. */
          return fail (lexer, line_no, column, "NUL byte");
        }
    }
  return TRUE;
}

/* An entry that grew past LCS_ZONE_MAX_ENTRY_TEXT: drops lines until its parenthesis closes
 * (or the file ends), keeping nothing, and reports it where the parenthesis opened. */
static LcsZoneLexStatus
skip_long_entry (LcsZoneLexer *lexer,
                 Paren        *paren)
{
  Paren opened = *paren;
  g_autofree char *message = NULL;

  while (paren->open)
    {
      const char *start = NULL;
      const char *stop = NULL;
      guint line_no = lexer->line;
      LineStatus status = next_line (lexer, &start, &stop);

      if (status == LINE_IO)
        return LCS_ZONE_LEX_IO;
      if (status == LINE_EOF)
        break;
      lexer->line++;
      lexer->text_len = 0;
      lexer->n_tokens = 0;
      /* A bad line inside is part of the skipped entry: only the parenthesis state matters. */
      if (status == LINE_OK)
        scan_line (lexer, start, stop, line_no, paren);
    }
  message = paren->open
            ? g_strdup_printf ("parenthesis not closed: the entry it opens grows past %d bytes "
                               "before the end of the file", LCS_ZONE_MAX_ENTRY_TEXT)
            : g_strdup_printf ("the entry this parenthesis opens is longer than %d bytes (it "
                               "closes at line %u); skipped", LCS_ZONE_MAX_ENTRY_TEXT,
                               lexer->line - 1);
  fail (lexer, opened.line, opened.column, message);
  return LCS_ZONE_LEX_ERROR;
}

LcsZoneLexStatus
lcs_zone_lexer_next (LcsZoneLexer *lexer)
{
  Paren paren = { FALSE, 0, 0 };

  lexer->text_len = 0;
  lexer->n_tokens = 0;
  for (;;)
    {
      const char *start = NULL;
      const char *stop = NULL;
      guint line_no = lexer->line;

      switch (next_line (lexer, &start, &stop))
        {
        case LINE_OK:
          break;
        case LINE_TOO_LONG:
          lexer->line++;
          fail (lexer, line_no, 1, "line longer than 65536 bytes");
          return LCS_ZONE_LEX_ERROR;
        case LINE_EOF:
          if (paren.open)
            {
              fail (lexer, paren.line, paren.column,
                    "parenthesis not closed before the end of the file");
              return LCS_ZONE_LEX_ERROR;
            }
          return LCS_ZONE_LEX_EOF;
        case LINE_IO:
        default:
          return LCS_ZONE_LEX_IO;
        }
      lexer->line++;
      if (lexer->n_tokens == 0 && !paren.open)
        lexer->blank_owner = start < stop && (*start == ' ' || *start == '\t');
      if (!scan_line (lexer, start, stop, line_no, &paren))
        return LCS_ZONE_LEX_ERROR;
      if (paren.open && lexer->text_len > LCS_ZONE_MAX_ENTRY_TEXT)
        return skip_long_entry (lexer, &paren);
      if (!paren.open && lexer->n_tokens > 0)
        return LCS_ZONE_LEX_ENTRY;
    }
}
