/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Zone-file fields: TTLs, numbers, names, addresses, character-strings and type mnemonics, each
 * parsed in place without allocating (the reader calls them once per field). */
#include "config.h"

#include "zone-private.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <gio/gio.h>
#include <lcsdns/model/record.h>

#define MAX_WIRE_NAME 255
#define MAX_LABEL     63

char *
lcs_zone_token_display (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      guint8 c = (guint8) *p;

      if (out->len >= 40)
        {
          g_string_append (out, "...");
          break;
        }
      if (c < 0x20 || c >= 0x7f)
        g_string_append_printf (out, "\\%03u", c);
      else
        g_string_append_c (out, (char) c);
    }
  return g_string_free (out, FALSE);
}

static int
unit_seconds (char unit)
{
  switch (g_ascii_tolower (unit))
    {
    case 's': return 1;
    case 'm': return 60;
    case 'h': return 3600;
    case 'd': return 86400;
    case 'w': return 604800;
    default:  return 0;
    }
}

gboolean
lcs_zone_parse_ttl (const char *text,
                    guint32    *ttl)
{
  guint64 total = 0;
  const char *p = text;
  gboolean units = FALSE;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (*p != '\0')
    {
      guint64 value = 0;
      int seconds;

      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        {
          value = value * 10 + (guint64) (*p - '0');
          if (value > G_MAXUINT32)
            return FALSE;
          p++;
        }
      if (*p == '\0')
        {
          /* A bare number is seconds only when it is the whole TTL, as in BIND. */
          if (units)
            return FALSE;
          total = value;
          break;
        }
      seconds = unit_seconds (*p);
      if (seconds == 0)
        return FALSE;
      units = TRUE;
      total += value * (guint64) seconds;
      if (total > G_MAXUINT32)
        return FALSE;
      p++;
    }
  *ttl = (guint32) total;
  return TRUE;
}

static gboolean
parse_decimal (const char *text,
               guint64     max,
               guint64    *value)
{
  guint64 v = 0;
  const char *p;

  if (*text == '\0')
    return FALSE;
  for (p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      v = v * 10 + (guint64) (*p - '0');
      if (v > max)
        return FALSE;
    }
  *value = v;
  return TRUE;
}

gboolean
lcs_zone_parse_u16 (const char *text,
                    guint16    *value)
{
  guint64 v;

  if (!parse_decimal (text, G_MAXUINT16, &v))
    return FALSE;
  *value = (guint16) v;
  return TRUE;
}

gboolean
lcs_zone_parse_u32 (const char *text,
                    guint32    *value)
{
  guint64 v;

  if (!parse_decimal (text, G_MAXUINT32, &v))
    return FALSE;
  *value = (guint32) v;
  return TRUE;
}

/* Decodes one possibly escaped byte at *@p; FALSE on a bad escape. */
static gboolean
decode_byte (const char **p,
             guint8      *byte)
{
  const char *s = *p;

  if (*s != '\\')
    {
      *byte = (guint8) *s;
      *p = s + 1;
      return TRUE;
    }
  if (g_ascii_isdigit (s[1]))
    {
      guint v;

      if (!g_ascii_isdigit (s[2]) || !g_ascii_isdigit (s[3]))
        return FALSE;
      v = (guint) (s[1] - '0') * 100 + (guint) (s[2] - '0') * 10 + (guint) (s[3] - '0');
      if (v > 255)
        return FALSE;
      *byte = (guint8) v;
      *p = s + 4;
      return TRUE;
    }
  if (s[1] == '\0')
    return FALSE;
  *byte = (guint8) s[1];
  *p = s + 2;
  return TRUE;
}

/* How a label byte is written: 0 as itself (lower-cased), 1 after a backslash, 2 as \DDD. */
static guint8 name_byte_form[256];
static char   lower_byte[256];

static void
init_name_tables (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      guint b;

      for (b = 0; b < 256; b++)
        {
          lower_byte[b] = (char) (b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
          name_byte_form[b] = b <= 0x20 || b >= 0x7f ? 2 : strchr ("\"().;\\@$", (int) b) ? 1 : 0;
        }
      g_once_init_leave (&done, 1);
    }
}

/* BIND's presentation of a label byte, lower-cased. */
static inline char *
emit_name_byte (char   *o,
                guint8  b)
{
  switch (name_byte_form[b])
    {
    case 0:
      *o++ = lower_byte[b];
      return o;
    case 1:
      *o++ = '\\';
      *o++ = (char) b;
      return o;
    default:
      *o++ = '\\';
      *o++ = (char) ('0' + b / 100);
      *o++ = (char) ('0' + b / 10 % 10);
      *o++ = (char) ('0' + b % 10);
      return o;
    }
}

#if defined(__SSE2__)
/* The bytes of @v that are not written as themselves: up to 0x20, from 0x7f, and "().;\\@$". */
static inline int
special_bytes (__m128i v)
{
  __m128i hit = _mm_cmpeq_epi8 (_mm_max_epu8 (v, _mm_set1_epi8 (0x20)), _mm_set1_epi8 (0x20));
  static const char specials[] = "\"().;\\@$";
  gsize i;

  hit = _mm_or_si128 (hit, _mm_cmpeq_epi8 (_mm_min_epu8 (v, _mm_set1_epi8 (0x7f)),
                                           _mm_set1_epi8 (0x7f)));
  for (i = 0; i < sizeof specials - 1; i++)
    hit = _mm_or_si128 (hit, _mm_cmpeq_epi8 (v, _mm_set1_epi8 (specials[i])));
  return _mm_movemask_epi8 (hit);
}
#endif

/* Copies the plain bytes at @p (written as themselves), lower-cased, to @o: at most @room of
 * them, stopping before @end. Returns how many. Most of every name is plain: with SSE2, sixteen
 * bytes are tested and lowered at once while sixteen remain in the text and in @o's buffer,
 * which ends at @o_end (what is stored past the plain bytes is overwritten next). */
static inline gsize
copy_plain (char       *o,
            const char *o_end,
            const char *p,
            const char *end,
            gsize       room)
{
  gsize n = 0;

#if defined(__SSE2__)
  while (end - (p + n) >= 16 && room - n >= 16 && o_end - (o + n) >= 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *) (p + n));
      __m128i upper = _mm_and_si128 (_mm_cmpgt_epi8 (v, _mm_set1_epi8 ('A' - 1)),
                                     _mm_cmplt_epi8 (v, _mm_set1_epi8 ('Z' + 1)));
      int mask = special_bytes (v);

      _mm_storeu_si128 ((__m128i *) (o + n),
                        _mm_add_epi8 (v, _mm_and_si128 (upper, _mm_set1_epi8 (0x20))));
      if (mask != 0)
        return n + (gsize) __builtin_ctz ((unsigned) mask);
      n += 16;
    }
#endif
  while (n < room && name_byte_form[(guint8) p[n]] == 0)
    {
      o[n] = lower_byte[(guint8) p[n]];
      n++;
    }
  return n;
}

/* Octets of a presentation name on the wire, counting the root. */
static gsize
wire_length (const char *name)
{
  gsize n = 1;
  const char *p = name;

  if (strcmp (name, ".") == 0)
    return 1;
  while (*p != '\0')
    {
      guint8 b;

      if (!decode_byte (&p, &b))
        return MAX_WIRE_NAME + 1;
      n++;
    }
  return n;
}

void
lcs_zone_origin_set (LcsZoneOrigin *origin,
                     const char    *name)
{
  g_free (origin->name);
  origin->name = g_strdup (name);
  origin->length = name != NULL ? strlen (name) : 0;
  origin->wire = name != NULL ? wire_length (name) : 0;
}

static LcsZoneNameStatus
bad_name (const char **reason,
          const char  *why)
{
  *reason = why;
  return LCS_ZONE_NAME_BAD;
}

LcsZoneNameStatus
lcs_zone_parse_name (const char          *text,
                     const LcsZoneOrigin *origin,
                     char                *out,
                     gsize               *length,
                     const char         **reason)
{
  const char *p = text;
  const char *end = text + strlen (text);
  char *o = out;
  gsize label = 0;
  gsize wire = 1;

  init_name_tables ();
  if (text[0] == '@' && text[1] == '\0')
    {
      if (origin == NULL || origin->name == NULL)
        return LCS_ZONE_NAME_NEEDS_ORIGIN;
      memcpy (out, origin->name, origin->length + 1);
      *length = origin->length;
      return LCS_ZONE_NAME_OK;
    }
  if (text[0] == '.' && text[1] == '\0')
    {
      strcpy (out, ".");
      *length = 1;
      return LCS_ZONE_NAME_OK;
    }
  while (*p != '\0')
    {
      /* How long the label may grow before one of the limits below is crossed. */
      gsize limit = wire + 1 < MAX_WIRE_NAME ? MIN (MAX_LABEL, MAX_WIRE_NAME - 1 - wire) : 0;
      guint8 b;

      /* Plain bytes, most of every name, need none of the tests below. */
      if (label < limit)
        {
          gsize n = copy_plain (o, out + LCS_ZONE_NAME_BUFSIZE, p, end, limit - label);

          o += n;
          p += n;
          label += n;
        }
      b = (guint8) *p;
      if (b == '\0')
        break;
      if (b == '.')
        {
          if (label == 0)
            return bad_name (reason, "empty label");
          wire += label + 1;
          label = 0;
          *o++ = '.';
          p++;
          continue;
        }
      if (b == '\\')
        {
          if (!decode_byte (&p, &b))
            return bad_name (reason, "bad escape");
        }
      else
        p++;
      if (++label > MAX_LABEL)
        return bad_name (reason, "label longer than 63 octets");
      if (wire + label + 1 > MAX_WIRE_NAME)
        return bad_name (reason, "name longer than 253 octets");
      o = emit_name_byte (o, b);
    }
  if (label == 0)
    {
      *o = '\0';
      *length = (gsize) (o - out);
      return LCS_ZONE_NAME_OK;
    }
  wire += label + 1;
  if (origin == NULL || origin->name == NULL)
    return LCS_ZONE_NAME_NEEDS_ORIGIN;
  *o++ = '.';
  if (origin->wire == 1)
    {
      *o = '\0';
      *length = (gsize) (o - out);
      return LCS_ZONE_NAME_OK;
    }
  if (wire + origin->wire - 1 > MAX_WIRE_NAME
      || (gsize) (o - out) + origin->length + 1 > LCS_ZONE_NAME_BUFSIZE)
    return bad_name (reason, "name longer than 253 octets");
  memcpy (o, origin->name, origin->length + 1);
  *length = (gsize) (o - out) + origin->length;
  return LCS_ZONE_NAME_OK;
}

gboolean
lcs_zone_parse_ipv4 (const char *text)
{
  const char *p = text;
  int part;

  for (part = 0; part < 4; part++)
    {
      guint value = 0;
      int digits = 0;

      if (part > 0 && *p++ != '.')
        return FALSE;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      /* A leading zero reads as octal to some resolvers; BIND refuses it too. */
      if (*p == '0' && g_ascii_isdigit (p[1]))
        return FALSE;
      while (g_ascii_isdigit (*p))
        {
          value = value * 10 + (guint) (*p++ - '0');
          if (++digits > 3)
            return FALSE;
        }
      if (value > 255)
        return FALSE;
    }
  return *p == '\0';
}

char *
lcs_zone_parse_ipv6 (const char *text)
{
  g_autoptr(GInetAddress) address = NULL;

  if (strchr (text, ':') == NULL || strchr (text, '%') != NULL)
    return NULL;
  address = g_inet_address_new_from_string (text);
  if (address == NULL || g_inet_address_get_family (address) != G_SOCKET_FAMILY_IPV6)
    return NULL;
  return g_inet_address_to_string (address);
}

gboolean
lcs_zone_append_txt (GString    *out,
                     const char *text)
{
  const char *p = text;
  gsize octets = 0;

  g_string_append_c (out, '"');
  while (*p != '\0')
    {
      guint8 b;

      if (!decode_byte (&p, &b) || ++octets > 255)
        return FALSE;
      if (b == '"' || b == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) b);
        }
      else if (b < 0x20 || b >= 0x7f)
        g_string_append_printf (out, "\\%03u", b);
      else
        g_string_append_c (out, (char) b);
    }
  g_string_append_c (out, '"');
  return TRUE;
}

typedef struct {
  const char *name;
  guint16     type;
} TypeName;

/* IANA mnemonics (and Windows' WINS / WINSR) beyond the nine record.h parses. */
static const TypeName type_names[] = {
  { "MD", 3 }, { "MF", 4 }, { "MB", 7 }, { "MG", 8 }, { "MR", 9 }, { "NULL", 10 },
  { "WKS", 11 }, { "HINFO", 13 }, { "MINFO", 14 }, { "RP", 17 }, { "AFSDB", 18 },
  { "X25", 19 }, { "ISDN", 20 }, { "RT", 21 }, { "NSAP", 22 }, { "NSAP-PTR", 23 },
  { "SIG", 24 }, { "KEY", 25 }, { "PX", 26 }, { "GPOS", 27 }, { "LOC", 29 }, { "NXT", 30 },
  { "EID", 31 }, { "NIMLOC", 32 }, { "ATMA", 34 }, { "NAPTR", 35 }, { "KX", 36 },
  { "CERT", 37 }, { "A6", 38 }, { "DNAME", 39 }, { "SINK", 40 }, { "APL", 42 }, { "DS", 43 },
  { "SSHFP", 44 }, { "IPSECKEY", 45 }, { "RRSIG", 46 }, { "NSEC", 47 }, { "DNSKEY", 48 },
  { "DHCID", 49 }, { "NSEC3", 50 }, { "NSEC3PARAM", 51 }, { "TLSA", 52 }, { "SMIMEA", 53 },
  { "HIP", 55 }, { "NINFO", 56 }, { "RKEY", 57 }, { "TALINK", 58 }, { "CDS", 59 },
  { "CDNSKEY", 60 }, { "OPENPGPKEY", 61 }, { "CSYNC", 62 }, { "ZONEMD", 63 }, { "SVCB", 64 },
  { "HTTPS", 65 }, { "SPF", 99 }, { "NID", 104 }, { "L32", 105 }, { "L64", 106 },
  { "LP", 107 }, { "EUI48", 108 }, { "EUI64", 109 }, { "URI", 256 }, { "CAA", 257 },
  { "AVC", 258 }, { "DOA", 259 }, { "AMTRELAY", 260 }, { "TA", 32768 }, { "DLV", 32769 },
  { "WINS", 65281 }, { "WINSR", 65282 },
};

/* The nine types the checks use, without a call per comparison: this runs once per record. */
static guint16
common_type (const char *text)
{
  char up[6];
  gsize n;

  for (n = 0; n < sizeof up - 1 && text[n] != '\0'; n++)
    up[n] = (char) (text[n] >= 'a' && text[n] <= 'z' ? text[n] - ('a' - 'A') : text[n]);
  if (text[n] != '\0')
    return 0;
  up[n] = '\0';
  switch (n)
    {
    case 1:
      return up[0] == 'A' ? LCS_TYPE_A : 0;
    case 2:
      return strcmp (up, "NS") == 0 ? LCS_TYPE_NS : strcmp (up, "MX") == 0 ? LCS_TYPE_MX : 0;
    case 3:
      if (strcmp (up, "SRV") == 0)
        return LCS_TYPE_SRV;
      if (strcmp (up, "SOA") == 0)
        return LCS_TYPE_SOA;
      if (strcmp (up, "PTR") == 0)
        return LCS_TYPE_PTR;
      return strcmp (up, "TXT") == 0 ? LCS_TYPE_TXT : 0;
    case 4:
      return strcmp (up, "AAAA") == 0 ? LCS_TYPE_AAAA : 0;
    case 5:
      return strcmp (up, "CNAME") == 0 ? LCS_TYPE_CNAME : 0;
    default:
      return 0;
    }
}

guint16
lcs_zone_type_from_string (const char *text)
{
  gsize i;
  guint64 number;
  guint16 type = common_type (text);

  if (type != 0)
    return type;
  for (i = 0; i < G_N_ELEMENTS (type_names); i++)
    if (g_ascii_strcasecmp (text, type_names[i].name) == 0)
      return type_names[i].type;
  if (g_ascii_strncasecmp (text, "TYPE", 4) == 0
      && parse_decimal (text + 4, G_MAXUINT16, &number) && number > 0)
    return (guint16) number;
  return lcs_type_from_string (text);
}
