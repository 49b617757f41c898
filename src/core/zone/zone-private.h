/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Internals of the zone reader: the lexer (zone-lexer.c), field parsers (zone-fields.c), record
 * data (zone-rdata.c), an entry's findings and names (zone-entry.c), directives
 * (zone-directives.c) and the reader (zone.c), which alone reads files. */
#pragma once

#include <stdio.h>
#include <glib.h>
#include <lcsdns/model/record.h>
#include <lcsdns/zone/zone.h>

G_BEGIN_DECLS

/* Presentation names are at most 253 octets plus the final dot; escapes (\DDD) can make the text
 * up to four times longer. */
#define LCS_ZONE_NAME_BUFSIZE 1024

typedef struct {
  guint32  offset;      /* into LcsZoneLexer.text, NUL-terminated there */
  guint32  length;      /* after the quotes are removed; escapes still in place */
  guint    line;
  guint    column;      /* 1-based, of the first byte (the quote for a quoted string) */
  guint    end_column;  /* 1-based, just past the last byte */
  guint    quoted : 1;
} LcsZoneToken;

typedef enum {
  LCS_ZONE_LEX_ENTRY,   /* tokens hold one entry: a record or a directive */
  LCS_ZONE_LEX_ERROR,   /* a syntax error: see error_*; the lexer has moved past the bad line */
  LCS_ZONE_LEX_EOF,
  LCS_ZONE_LEX_IO,      /* the file could not be read further */
} LcsZoneLexStatus;

typedef struct {
  FILE          *file;
  char          *buf;
  gsize          size;
  gsize          pos;
  gsize          end;
  gboolean       eof;
  guint          line;         /* of the next line to read */
  char          *text;         /* token texts of the current entry, each NUL-terminated */
  gsize          text_len;
  gsize          text_size;
  LcsZoneToken  *tokens;
  guint          n_tokens;
  guint          tokens_size;
  gboolean       blank_owner;  /* the entry's first line starts with white space */
  char          *error_message;
  guint          error_line;
  guint          error_column;
  gsize         *budget;       /* bytes the zone may still read, shared by its files; or NULL */
  gboolean       over_budget;  /* reading stopped because the budget ran out */
} LcsZoneLexer;

/* An entry (a record, or lines joined by parentheses) holds at most this much token text: more
 * than the largest record (64 KiB of data, up to four times longer when escaped). */
#define LCS_ZONE_MAX_ENTRY_TEXT (1024 * 1024)

/* Takes @file: lcs_zone_lexer_clear closes it. @file_size sizes the first buffer: 0 when it is
 * not known (a pipe). */
void              lcs_zone_lexer_init   (LcsZoneLexer *lexer,
                                         FILE         *file,
                                         goffset       file_size);
/* Puts the first bytes of the file, already read by the caller (at most a few), back in front. */
void              lcs_zone_lexer_prime  (LcsZoneLexer *lexer,
                                         const guint8 *bytes,
                                         gsize         length);
/* A lexer over @text (taken), already read whole: a converted UTF-16 file. */
void              lcs_zone_lexer_init_text (LcsZoneLexer *lexer,
                                            char         *text,
                                            gsize         length);
void              lcs_zone_lexer_clear  (LcsZoneLexer *lexer);
LcsZoneLexStatus  lcs_zone_lexer_next   (LcsZoneLexer *lexer);

static inline const char *
lcs_zone_token_text (const LcsZoneLexer *lexer,
                     const LcsZoneToken *token)
{
  return lexer->text + token->offset;
}

/* The token shown in a message: printable ASCII, at most 40 characters. */
char     *lcs_zone_token_display (const char *text);

/* A TTL: decimal seconds or BIND units (1w2d3h4m5s, any case). */
gboolean  lcs_zone_parse_ttl     (const char *text,
                                  guint32    *ttl);
gboolean  lcs_zone_parse_u16     (const char *text,
                                  guint16    *value);
gboolean  lcs_zone_parse_u32     (const char *text,
                                  guint32    *value);

typedef enum {
  LCS_ZONE_NAME_OK,
  LCS_ZONE_NAME_NEEDS_ORIGIN,
  LCS_ZONE_NAME_BAD,
} LcsZoneNameStatus;

/* An origin with the lengths the name parser needs on every relative name. */
typedef struct {
  char  *name;    /* absolute presentation form; NULL while unknown */
  gsize  length;
  gsize  wire;    /* octets on the wire */
} LcsZoneOrigin;

/* Sets (copies @name, which may be NULL) or clears the origin. */
void      lcs_zone_origin_set    (LcsZoneOrigin *origin,
                                  const char    *name);

/* Writes the absolute, lower-case presentation form of @text ("@" is @origin, whose name may be
 * NULL while @text is absolute) into @out, of LCS_ZONE_NAME_BUFSIZE bytes; returns its length
 * in *@length. On LCS_ZONE_NAME_BAD, *@reason says why. */
LcsZoneNameStatus lcs_zone_parse_name (const char          *text,
                                       const LcsZoneOrigin *origin,
                                       char                *out,
                                       gsize               *length,
                                       const char         **reason);

/* A dotted quad without leading zeros (so the text is already canonical). */
gboolean  lcs_zone_parse_ipv4    (const char *text);
/* Canonical (RFC 5952) text of an IPv6 literal, or NULL. */
char     *lcs_zone_parse_ipv6    (const char *text);

/* Appends one TXT character-string in BIND's canonical quoted form; FALSE when over 255 octets or
 * a bad escape. */
gboolean  lcs_zone_append_txt    (GString    *out,
                                  const char *text);

/* The type number of @text: record.h's names, TYPEnnn, and the other registered mnemonics; 0 when
 * unknown. */
guint16   lcs_zone_type_from_string (const char *text);

/* The record data of one entry, parsed by zone-rdata.c. */
typedef struct {
  const LcsZoneLexer  *lexer;
  guint                first;          /* index of the first data token */
  const LcsZoneOrigin *origin;
  const char          *owner;
  gsize                owner_length;
  guint16              type;
  GString             *scratch;
  char                *name;           /* LCS_ZONE_NAME_BUFSIZE bytes for a target name */
  LcsRecord            record;         /* out: its strings borrow owner, the tokens, name and
                                        * scratch, so they live until the next entry is read */
  guint32              soa_minimum;    /* out, for SOA */
  /* Out, on failure: the token at fault (n_tokens: the end of the entry) and why. */
  guint                error_token;
  char                *error_message;
  gboolean             needs_origin;
} LcsZoneRdata;

/* Fills @rdata->record, or FALSE with error_* set (or needs_origin). Its TTL is left 0 for the
 * caller. */
gboolean  lcs_zone_build_record (LcsZoneRdata *rdata);

/* Called for every record read with a record borrowed for the call. */
typedef void (*LcsZoneBorrowFunc) (const LcsRecord *record,
                                   gpointer         user_data);

/* $INCLUDE limits for one zone: an "include bomb" (files that include the next several times,
 * eight deep) must end quickly, however the files are nested. */
#define LCS_ZONE_MAX_INCLUDED_FILES 1000
#define LCS_ZONE_MAX_INCLUDED_BYTES ((gsize) 256 * 1024 * 1024)

/* The state of one lcs_zone_read (): shared by the zone's files. */
typedef struct {
  LcsZoneBorrowFunc  func;
  gpointer           user_data;
  GPtrArray         *findings;
  guint              n_findings;
  GPtrArray         *open_files;     /* canonical paths of the files being read, outermost first */
  guint              included_files; /* $INCLUDE files opened so far */
  gsize              included_bytes_left;
  gboolean           include_limit_reported;
  GString           *scratch;
  char              *name;           /* LcsZoneRdata.name */
  guint32            default_ttl;    /* $TTL, or the minimum of an SOA without TTL */
  gboolean           default_ttl_set;
  gboolean           soa_seen;
  guint32            last_ttl;       /* RFC 1035: an omitted TTL repeats the last one */
  gboolean           last_ttl_set;
  char              *zone_origin;    /* the origin in force at the first record */
  gboolean           records_seen;
  char              *soa_owner;
} LcsZoneReader;

/* What one file of the zone holds while it is read: $INCLUDE restores it afterwards. */
typedef struct {
  const char   *path;
  guint         depth;
  LcsZoneOrigin origin;
  char          owners[2][LCS_ZONE_NAME_BUFSIZE];
  gsize         owner_lengths[2];
  guint         owner_index;    /* owners[owner_index] is the current owner */
  gboolean      owner_set;
  gboolean      owner_bad;      /* the last owner could not be read: its records are skipped */
  guint         out_of_zone;    /* records outside the zone, ignored: reported once per file */
  char         *out_of_zone_first;
  guint         out_of_zone_line;
  LcsZoneLexer  lexer;
} LcsZoneFile;

static inline const LcsZoneToken *
lcs_zone_file_token (LcsZoneFile *file,
                     guint        index)
{
  return &file->lexer.tokens[index];
}

static inline const char *
lcs_zone_file_text (LcsZoneFile *file,
                    guint        index)
{
  return lcs_zone_token_text (&file->lexer, &file->lexer.tokens[index]);
}

/* zone-entry.c */
/* A finding of @rule about @path:@line, counted against the zone-syntax cap when it is one. */
void      lcs_zone_add_finding        (LcsZoneReader  *reader,
                                       const char     *rule,
                                       const char     *path,
                                       const char     *owner,
                                       guint           line,
                                       guint           column,
                                       const char     *message);
/* Whether the entry being read is a directive ($ORIGIN, $TTL, $INCLUDE, …). */
gboolean  lcs_zone_file_is_directive  (LcsZoneFile    *file);
/* The owner of the entry being read; NULL before the first one. */
const char *lcs_zone_file_owner       (LcsZoneFile    *file);
/* FALSE with LCS_ZONE_ERROR_NO_ORIGIN about the relative name at token @index. */
gboolean  lcs_zone_fail_no_origin     (LcsZoneFile    *file,
                                       guint           index,
                                       GError        **error);
/* A zone-syntax finding at token @index of the entry (n_tokens: just past its end). */
void      lcs_zone_entry_finding      (LcsZoneReader  *reader,
                                       LcsZoneFile    *file,
                                       guint           index,
                                       const char     *format,
                                       ...) G_GNUC_PRINTF (4, 5);
/* Parses the name at token @index into @out. FALSE with @error only when no origin is known;
 * FALSE without it after a finding. */
gboolean  lcs_zone_parse_name_token   (LcsZoneReader  *reader,
                                       LcsZoneFile    *file,
                                       guint           index,
                                       const char     *what,
                                       char           *out,
                                       GError        **error);

/* zone-encoding.c: opens @path for the lexer, skipping a UTF-8 byte-order mark and converting
 * UTF-16 with one. FALSE with @error when the file cannot be opened; FALSE with *@refusal (the
 * zone-encoding message) when its encoding cannot be read. @budget as in LcsZoneLexer. */
gboolean  lcs_zone_open_text          (const char     *path,
                                       LcsZoneLexer   *lexer,
                                       gsize          *budget,
                                       char          **refusal,
                                       GError        **error);

/* The first @max bytes of @path as UTF-8 text (a byte-order mark skipped, UTF-16 converted), cut
 * after its last whole line unless the file ended; *@text NULL when the encoding cannot be read.
 * FALSE with @error only when the file cannot be opened or read. */
gboolean  lcs_zone_read_head          (const char     *path,
                                       gsize           max,
                                       char          **text,
                                       gsize          *length,
                                       GError        **error);

/* zone.c: the absolute form of a user-given origin, or NULL when it is not a domain name; and
 * the zone Windows names a file after ("contoso.com.dns" → contoso.com.), or NULL. */
char     *lcs_zone_normalize_origin   (const char     *text);
char     *lcs_zone_origin_from_file_name (const char  *path);

/* A file an $INCLUDE names: @path NULL when there is none to read. */
typedef struct {
  char *path;
  char *origin;   /* NULL: the including file's origin is not known either */
} LcsZoneInclude;

/* zone-directives.c: $ORIGIN, $TTL, $INCLUDE. FALSE with @error only when reading must stop;
 * @include receives the file an $INCLUDE asks to read. */
gboolean  lcs_zone_read_directive     (LcsZoneReader   *reader,
                                       LcsZoneFile     *file,
                                       LcsZoneInclude  *include,
                                       GError         **error);
/* Says once per zone that the $INCLUDE limits stop reading, at @line of @file. */
void      lcs_zone_report_include_limit (LcsZoneReader *reader,
                                         LcsZoneFile   *file,
                                         guint          line);

G_END_DECLS
