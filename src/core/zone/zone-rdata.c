/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Zone-file record data: the types the checks use are parsed into LcsRecord fields with their
 * data in canonical presentation form (as named-compilezone writes it, names lower-cased); every
 * other type keeps its data as written. */
#include "config.h"

#include "zone-private.h"

#include <string.h>

static const LcsZoneToken *
token_at (const LcsZoneRdata *rdata,
          guint               index)
{
  return &rdata->lexer->tokens[index];
}

static const char *
text_at (const LcsZoneRdata *rdata,
         guint               index)
{
  return lcs_zone_token_text (rdata->lexer, token_at (rdata, index));
}

static guint
n_data (const LcsZoneRdata *rdata)
{
  return rdata->lexer->n_tokens - rdata->first;
}

static gboolean
fail_at (LcsZoneRdata *rdata,
         guint         index,
         const char   *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail_at (LcsZoneRdata *rdata,
         guint         index,
         const char   *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_free (rdata->error_message);
  rdata->error_message = g_strdup_vprintf (format, args);
  va_end (args);
  rdata->error_token = index;
  return FALSE;
}

/* Checks the count of data fields: one finding for too few (at the end) or too many. */
static gboolean
expect_fields (LcsZoneRdata *rdata,
               guint         count,
               const char   *what)
{
  guint n = n_data (rdata);

  if (n > 0 && token_at (rdata, rdata->first)->quoted == 0
      && strcmp (text_at (rdata, rdata->first), "\\#") == 0)
    {
      fail_at (rdata, rdata->first, "generic data (\\#) is not read for %s records",
               lcs_type_to_string (rdata->type));
      return FALSE;
    }
  if (n < count)
    {
      fail_at (rdata, rdata->lexer->n_tokens, "%s record needs %s",
               lcs_type_to_string (rdata->type), what);
      return FALSE;
    }
  if (n > count)
    {
      g_autofree char *shown = lcs_zone_token_display (text_at (rdata, rdata->first + count));

      fail_at (rdata, rdata->first + count, "unexpected \"%s\" after the %s record data", shown,
               lcs_type_to_string (rdata->type));
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_name_at (LcsZoneRdata *rdata,
               guint         index,
               char         *out,
               gsize        *length)
{
  const char *reason = NULL;
  g_autofree char *shown = NULL;

  switch (lcs_zone_parse_name (text_at (rdata, index), rdata->origin, out, length, &reason))
    {
    case LCS_ZONE_NAME_OK:
      return TRUE;
    case LCS_ZONE_NAME_NEEDS_ORIGIN:
      rdata->needs_origin = TRUE;
      rdata->error_token = index;
      return FALSE;
    case LCS_ZONE_NAME_BAD:
    default:
      shown = lcs_zone_token_display (text_at (rdata, index));
      fail_at (rdata, index, "bad name \"%s\": %s", shown, reason);
      return FALSE;
    }
}

static gboolean
parse_u16_at (LcsZoneRdata *rdata,
              guint         index,
              const char   *field,
              guint16      *value)
{
  g_autofree char *shown = NULL;

  if (lcs_zone_parse_u16 (text_at (rdata, index), value))
    return TRUE;
  shown = lcs_zone_token_display (text_at (rdata, index));
  fail_at (rdata, index, "%s %s \"%s\" is not an integer in 0-65535",
           lcs_type_to_string (rdata->type), field, shown);
  return FALSE;
}

/* The record borrows every string (no copy per field): the caller copies what it keeps. */
static LcsRecord *
new_record (LcsZoneRdata *rdata)
{
  LcsRecord *record = &rdata->record;

  memset (record, 0, sizeof *record);
  record->owner = (char *) rdata->owner;
  record->type = rdata->type;
  return record;
}

static char *
append_uint (char    *p,
             guint32  value)
{
  char digits[10];
  int n = 0;

  do
    digits[n++] = (char) ('0' + value % 10);
  while ((value /= 10) != 0);
  while (n > 0)
    *p++ = digits[--n];
  return p;
}

/* "<numbers…> <name>" as the data of SRV and MX records, in @out. */
static char *
numbers_and_name (GString       *out,
                  const guint16 *numbers,
                  guint          n_numbers,
                  const char    *name,
                  gsize          name_length)
{
  char *p;
  guint i;

  g_string_set_size (out, n_numbers * 6 + name_length);
  p = out->str;
  for (i = 0; i < n_numbers; i++)
    {
      p = append_uint (p, numbers[i]);
      *p++ = ' ';
    }
  memcpy (p, name, name_length + 1);
  g_string_set_size (out, (gsize) (p - out->str) + name_length);
  return out->str;
}

static gboolean
build_a (LcsZoneRdata *rdata)
{
  const char *text;
  g_autofree char *shown = NULL;
  LcsRecord *record;

  if (!expect_fields (rdata, 1, "an IPv4 address"))
    return FALSE;
  text = text_at (rdata, rdata->first);
  if (!lcs_zone_parse_ipv4 (text))
    {
      shown = lcs_zone_token_display (text);
      return fail_at (rdata, rdata->first, "bad IPv4 address \"%s\"", shown);
    }
  record = new_record (rdata);
  record->address = record->rdata = (char *) text;
  return TRUE;
}

static gboolean
build_aaaa (LcsZoneRdata *rdata)
{
  g_autofree char *address = NULL;
  g_autofree char *shown = NULL;
  LcsRecord *record;

  if (!expect_fields (rdata, 1, "an IPv6 address"))
    return FALSE;
  address = lcs_zone_parse_ipv6 (text_at (rdata, rdata->first));
  if (address == NULL)
    {
      shown = lcs_zone_token_display (text_at (rdata, rdata->first));
      return fail_at (rdata, rdata->first, "bad IPv6 address \"%s\"", shown);
    }
  g_string_assign (rdata->scratch, address);
  record = new_record (rdata);
  record->address = record->rdata = rdata->scratch->str;
  return TRUE;
}

static gboolean
build_alias (LcsZoneRdata *rdata)
{
  gsize length;
  LcsRecord *record;

  if (!expect_fields (rdata, 1, "a target name")
      || !parse_name_at (rdata, rdata->first, rdata->name, &length))
    return FALSE;
  record = new_record (rdata);
  record->target = record->rdata = rdata->name;
  return TRUE;
}

static gboolean
build_srv (LcsZoneRdata *rdata)
{
  gsize length;
  guint16 numbers[3];
  guint i = rdata->first;
  LcsRecord *record;

  if (!expect_fields (rdata, 4, "priority, weight, port and target")
      || !parse_u16_at (rdata, i, "priority", &numbers[0])
      || !parse_u16_at (rdata, i + 1, "weight", &numbers[1])
      || !parse_u16_at (rdata, i + 2, "port", &numbers[2])
      || !parse_name_at (rdata, i + 3, rdata->name, &length))
    return FALSE;
  record = new_record (rdata);
  record->priority = numbers[0];
  record->weight = numbers[1];
  record->port = numbers[2];
  record->target = rdata->name;
  record->rdata = numbers_and_name (rdata->scratch, numbers, 3, rdata->name, length);
  return TRUE;
}

static gboolean
build_mx (LcsZoneRdata *rdata)
{
  gsize length;
  guint16 preference;
  LcsRecord *record;

  if (!expect_fields (rdata, 2, "a preference and an exchange name")
      || !parse_u16_at (rdata, rdata->first, "preference", &preference)
      || !parse_name_at (rdata, rdata->first + 1, rdata->name, &length))
    return FALSE;
  record = new_record (rdata);
  record->priority = preference;
  record->target = rdata->name;
  record->rdata = numbers_and_name (rdata->scratch, &preference, 1, rdata->name, length);
  return TRUE;
}

static gboolean
build_soa (LcsZoneRdata *rdata)
{
  static const char *const timers[] = { "refresh", "retry", "expire", "minimum" };
  char mname[LCS_ZONE_NAME_BUFSIZE];
  char rname[LCS_ZONE_NAME_BUFSIZE];
  gsize length;
  guint32 serial;
  guint32 values[4];
  guint i = rdata->first;
  guint t;
  LcsRecord *record;

  if (!expect_fields (rdata, 7, "mname, rname, serial, refresh, retry, expire and minimum")
      || !parse_name_at (rdata, i, mname, &length)
      || !parse_name_at (rdata, i + 1, rname, &length))
    return FALSE;
  if (!lcs_zone_parse_u32 (text_at (rdata, i + 2), &serial))
    {
      g_autofree char *shown = lcs_zone_token_display (text_at (rdata, i + 2));

      return fail_at (rdata, i + 2, "SOA serial \"%s\" is not an integer in 0-4294967295", shown);
    }
  for (t = 0; t < G_N_ELEMENTS (timers); t++)
    if (!lcs_zone_parse_ttl (text_at (rdata, i + 3 + t), &values[t]))
      {
        g_autofree char *shown = lcs_zone_token_display (text_at (rdata, i + 3 + t));

        return fail_at (rdata, i + 3 + t, "bad SOA %s \"%s\"", timers[t], shown);
      }
  rdata->soa_minimum = values[3];
  g_string_printf (rdata->scratch, "%s %s %u %u %u %u %u", mname, rname, serial, values[0],
                   values[1], values[2], values[3]);
  record = new_record (rdata);
  record->rdata = rdata->scratch->str;
  return TRUE;
}

static gboolean
build_txt (LcsZoneRdata *rdata)
{
  GString *out = rdata->scratch;
  guint i;

  if (n_data (rdata) == 0)
    return fail_at (rdata, rdata->lexer->n_tokens, "TXT record needs a character-string");
  g_string_truncate (out, 0);
  for (i = rdata->first; i < rdata->lexer->n_tokens; i++)
    {
      if (i > rdata->first)
        g_string_append_c (out, ' ');
      if (!lcs_zone_append_txt (out, text_at (rdata, i)))
        return fail_at (rdata, i,
                        "TXT character-string longer than 255 octets or with a bad escape");
    }
  new_record (rdata)->rdata = out->str;
  return TRUE;
}

/* Another type: the data tokens as written, one space apart. */
static gboolean
build_text (LcsZoneRdata *rdata)
{
  GString *out = rdata->scratch;
  guint i;

  g_string_truncate (out, 0);
  for (i = rdata->first; i < rdata->lexer->n_tokens; i++)
    {
      const LcsZoneToken *token = token_at (rdata, i);

      if (i > rdata->first)
        g_string_append_c (out, ' ');
      if (token->quoted)
        g_string_append_c (out, '"');
      g_string_append_len (out, text_at (rdata, i), token->length);
      if (token->quoted)
        g_string_append_c (out, '"');
    }
  new_record (rdata)->rdata = out->str;
  return TRUE;
}

gboolean
lcs_zone_build_record (LcsZoneRdata *rdata)
{
  switch (rdata->type)
    {
    case LCS_TYPE_A:
      return build_a (rdata);
    case LCS_TYPE_AAAA:
      return build_aaaa (rdata);
    case LCS_TYPE_NS:
    case LCS_TYPE_CNAME:
    case LCS_TYPE_PTR:
      return build_alias (rdata);
    case LCS_TYPE_SRV:
      return build_srv (rdata);
    case LCS_TYPE_MX:
      return build_mx (rdata);
    case LCS_TYPE_SOA:
      return build_soa (rdata);
    case LCS_TYPE_TXT:
      return build_txt (rdata);
    default:
      return build_text (rdata);
    }
}
