/* One resource record as read from a zone file or received from a server. */
#include <lcsdns/model/record.h>

#include <gio/gio.h>
#include <lcsdns/model/name.h>
#include <string.h>

static const struct {
  guint16     type;
  const char *name;
} type_names[] = {
  { LCS_TYPE_A, "A" }, { LCS_TYPE_NS, "NS" }, { LCS_TYPE_CNAME, "CNAME" },
  { LCS_TYPE_SOA, "SOA" }, { LCS_TYPE_PTR, "PTR" }, { LCS_TYPE_MX, "MX" },
  { LCS_TYPE_TXT, "TXT" }, { LCS_TYPE_AAAA, "AAAA" }, { LCS_TYPE_SRV, "SRV" },
  { 13, "HINFO" }, { 99, "SPF" }, { 35, "NAPTR" }, { 43, "DS" }, { 46, "RRSIG" },
  { 47, "NSEC" }, { 48, "DNSKEY" }, { 50, "NSEC3" }, { 51, "NSEC3PARAM" }, { 52, "TLSA" },
  { 257, "CAA" }, { 39, "DNAME" }, { 44, "SSHFP" }, { 64, "SVCB" }, { 65, "HTTPS" },
  { 11, "WKS" }, { 17, "RP" }, { 18, "AFSDB" }, { 29, "LOC" }, { 255, "ANY" },
};

const char *
lcs_view_to_string (LcsView view)
{
  return view == LCS_VIEW_EXTERNAL ? "external" : "internal";
}

const char *
lcs_type_to_string (guint16 type)
{
  g_autofree char *text = NULL;
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (type_names); i++)
    if (type_names[i].type == type)
      return type_names[i].name;
  /* Interned, so callers can keep the pointer like the static names. */
  text = g_strdup_printf ("TYPE%u", type);
  return g_intern_string (text);
}

guint16
lcs_type_from_string (const char *text)
{
  gsize i;

  if (text == NULL)
    return 0;
  for (i = 0; i < G_N_ELEMENTS (type_names); i++)
    if (g_ascii_strcasecmp (type_names[i].name, text) == 0)
      return type_names[i].type;
  if (g_ascii_strncasecmp (text, "TYPE", 4) == 0 && text[4] != '\0')
    {
      guint64 value;
      if (g_ascii_string_to_unsigned (text + 4, 10, 1, 65535, &value, NULL))
        return (guint16) value;
    }
  return 0;
}

LcsRecord *
lcs_record_new (const char *owner,
                guint32     ttl,
                guint16     type)
{
  LcsRecord *record = g_new0 (LcsRecord, 1);

  record->owner = lcs_name_normalize (owner);
  record->ttl = ttl;
  record->type = type;
  return record;
}

LcsRecord *
lcs_record_new_srv (const char *owner,
                    guint32     ttl,
                    guint16     priority,
                    guint16     weight,
                    guint16     port,
                    const char *target)
{
  LcsRecord *record = lcs_record_new (owner, ttl, LCS_TYPE_SRV);

  record->priority = priority;
  record->weight = weight;
  record->port = port;
  record->target = lcs_name_normalize (target);
  record->rdata = g_strdup_printf ("%u %u %u %s", priority, weight, port, record->target);
  return record;
}

LcsRecord *
lcs_record_new_address (const char *owner,
                        guint32     ttl,
                        const char *address)
{
  LcsRecord *record = lcs_record_new (owner, ttl,
                                      strchr (address, ':') ? LCS_TYPE_AAAA : LCS_TYPE_A);

  record->address = g_strdup (address);
  record->rdata = g_strdup (address);
  return record;
}

LcsRecord *
lcs_record_new_alias (const char *owner,
                      guint32     ttl,
                      guint16     type,
                      const char *target)
{
  LcsRecord *record = lcs_record_new (owner, ttl, type);

  record->target = lcs_name_normalize (target);
  record->rdata = g_strdup (record->target);
  return record;
}

LcsRecord *
lcs_record_copy (const LcsRecord *record)
{
  LcsRecord *copy = g_new0 (LcsRecord, 1);

  *copy = *record;
  copy->owner = g_strdup (record->owner);
  copy->rdata = g_strdup (record->rdata);
  copy->target = g_strdup (record->target);
  copy->address = g_strdup (record->address);
  return copy;
}

void
lcs_record_free (LcsRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->owner);
  g_free (record->rdata);
  g_free (record->target);
  g_free (record->address);
  g_free (record);
}

char *
lcs_record_format_data (const LcsRecord *record)
{
  if (record->type == LCS_TYPE_SRV)
    return g_strdup_printf ("[%u][%u][%u] %s", record->priority, record->weight,
                            record->port, record->target);
  return g_strdup (record->rdata ? record->rdata : "");
}

char *
lcs_record_to_line (const LcsRecord *record)
{
  /* The TTL only where the admin chose another than Windows's: older lines read as before. */
  if (record->ttl != LCS_WINDOWS_TTL)
    return g_strdup_printf ("%s %u %s %s", record->owner, record->ttl, lcs_type_to_string (record->type),
                            record->rdata ? record->rdata : "");
  return g_strdup_printf ("%s %s %s", record->owner, lcs_type_to_string (record->type),
                          record->rdata ? record->rdata : "");
}

char *
lcs_record_to_zone_line (const LcsRecord *record)
{
  return g_strdup_printf ("%s %u IN %s %s", record->owner, record->ttl,
                          lcs_type_to_string (record->type), record->rdata ? record->rdata : "");
}

static gboolean
parse_u16 (const char  *text,
           guint16     *value,
           GError     **error)
{
  guint64 number;

  if (!g_ascii_string_to_unsigned (text, 10, 0, 65535, &number, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "“%s” is not a number from 0 to 65535", text);
      return FALSE;
    }
  *value = (guint16) number;
  return TRUE;
}

static LcsRecord *
parse_words (const char  *line,
             GPtrArray   *words,
             guint32      ttl,
             GError     **error);

/* The second word, when it is a number, is the TTL (Windows's TTL field: 0 to 2147483647 s). */
LcsRecord *
lcs_record_parse_line (const char  *line,
                       GError     **error)
{
  g_auto(GStrv) fields = g_strsplit_set (line, " \t", -1);
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  guint64 ttl = LCS_WINDOWS_TTL;
  guint i;

  for (i = 0; fields[i]; i++)
    if (*fields[i] != '\0')
      g_ptr_array_add (words, fields[i]);
  if (words->len < 3)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "“%s”: expected owner, type and data", line);
      return NULL;
    }
  if (words->len > 3 && g_ascii_isdigit (*(char *) g_ptr_array_index (words, 1)))
    {
      if (!g_ascii_string_to_unsigned (g_ptr_array_index (words, 1), 10, 0, G_MAXINT32, &ttl, NULL))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "“%s” is not a TTL from 0 to 2147483647 seconds", (char *) g_ptr_array_index (words, 1));
          return NULL;
        }
      g_ptr_array_remove_index (words, 1);
    }
  return parse_words (line, words, (guint32) ttl, error);
}

static LcsRecord *
parse_words (const char  *line,
             GPtrArray   *words,
             guint32      ttl,
             GError     **error)
{
  guint16 type;

  if (!lcs_name_validate (g_ptr_array_index (words, 0), LCS_NAME_OWNER, error))
    return NULL;
  type = lcs_type_from_string (g_ptr_array_index (words, 1));
  if (type == LCS_TYPE_SRV && words->len == 6)
    {
      guint16 priority, weight, port;
      const char *target = g_ptr_array_index (words, 5);

      if (!parse_u16 (g_ptr_array_index (words, 2), &priority, error) ||
          !parse_u16 (g_ptr_array_index (words, 3), &weight, error) ||
          !parse_u16 (g_ptr_array_index (words, 4), &port, error) ||
          !lcs_name_validate (target, LCS_NAME_HOST, error))
        return NULL;
      return lcs_record_new_srv (g_ptr_array_index (words, 0), ttl, priority, weight,
                                 port, target);
    }
  if ((type == LCS_TYPE_A || type == LCS_TYPE_AAAA) && words->len == 3)
    {
      g_autoptr(GInetAddress) address = g_inet_address_new_from_string (g_ptr_array_index (words, 2));
      g_autofree char *text = NULL;

      if (address == NULL ||
          (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6) != (type == LCS_TYPE_AAAA))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "“%s” is not an %s address", (char *) g_ptr_array_index (words, 2),
                       type == LCS_TYPE_A ? "IPv4" : "IPv6");
          return NULL;
        }
      text = g_inet_address_to_string (address);
      return lcs_record_new_address (g_ptr_array_index (words, 0), ttl, text);
    }
  if (type == LCS_TYPE_CNAME && words->len == 3)
    {
      if (!lcs_name_validate (g_ptr_array_index (words, 2), LCS_NAME_HOST, error))
        return NULL;
      return lcs_record_new_alias (g_ptr_array_index (words, 0), ttl, type,
                                   g_ptr_array_index (words, 2));
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               "“%s”: only SRV, A, AAAA and CNAME records are kept", line);
  return NULL;
}

gboolean
lcs_address_equal (const char *a,
                   const char *b)
{
  g_autoptr(GInetAddress) x = a ? g_inet_address_new_from_string (a) : NULL;
  g_autoptr(GInetAddress) y = b ? g_inet_address_new_from_string (b) : NULL;

  return x && y && g_inet_address_equal (x, y);
}
