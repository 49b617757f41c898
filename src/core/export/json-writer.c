/* SPDX-License-Identifier: GPL-3.0-or-later */
/* JSON written as it goes, in exactly the layout of json-glib's pretty printer with an indent
 * of 2 (what the reports were made with before they were streamed): `"key" : value`, one value
 * a line, `[]` for an empty array. Strings are escaped as json-glib escapes them (since 1.10.8,
 * which also escapes U+001F, as RFC 8259 requires): `"` and `\`, \b \f \n \r \t, other C0
 * controls and DEL as \u00XX; `/` and non-ASCII are written as they are. */
#include "config.h"

#include <string.h>

#include "export-private.h"

void
lcs_json_append_escaped (GString    *out,
                         const char *text)
{
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\\' || c == '"')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
        }
      else if (c == '\b')
        g_string_append (out, "\\b");
      else if (c == '\f')
        g_string_append (out, "\\f");
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u00%02x", c);
      else
        g_string_append_c (out, c);
    }
}

void
lcs_json_writer_init (LcsJsonWriter *writer,
                      LcsExportSink *sink)
{
  writer->sink = sink;
  writer->level = 0;
  writer->first = TRUE;
}

static void
indent (GString *out,
        guint    level)
{
  guint i;

  for (i = 0; i < level * 2; i++)
    g_string_append_c (out, ' ');
}

/* What comes before a value: the separator from the one before, the indent and the key. */
static void
begin_value (LcsJsonWriter *writer,
             const char    *key)
{
  GString *out = writer->sink->buffer;

  if (writer->level > 0)
    {
      g_string_append (out, writer->first ? "\n" : ",\n");
      indent (out, writer->level);
    }
  writer->first = FALSE;
  if (key != NULL)
    {
      g_string_append_c (out, '"');
      lcs_json_append_escaped (out, key);
      g_string_append (out, "\" : ");
    }
}

static void
begin_container (LcsJsonWriter *writer,
                 const char    *key,
                 char           open)
{
  begin_value (writer, key);
  g_string_append_c (writer->sink->buffer, open);
  writer->level++;
  writer->first = TRUE;
}

/* json-glib closes an empty array at once ("[]") but indents the brace of an empty object. */
static void
end_container (LcsJsonWriter *writer,
               char           close)
{
  GString *out = writer->sink->buffer;

  g_return_if_fail (writer->level > 0);
  writer->level--;
  if (!writer->first)
    g_string_append_c (out, '\n');
  if (!writer->first || close == '}')
    indent (out, writer->level);
  g_string_append_c (out, close);
  writer->first = FALSE;
}

void
lcs_json_begin_object (LcsJsonWriter *writer,
                       const char    *key)
{
  begin_container (writer, key, '{');
}

void
lcs_json_end_object (LcsJsonWriter *writer)
{
  end_container (writer, '}');
}

void
lcs_json_begin_array (LcsJsonWriter *writer,
                      const char    *key)
{
  begin_container (writer, key, '[');
}

void
lcs_json_end_array (LcsJsonWriter *writer)
{
  end_container (writer, ']');
}

void
lcs_json_string (LcsJsonWriter *writer,
                 const char    *key,
                 const char    *value)
{
  GString *out = writer->sink->buffer;

  begin_value (writer, key);
  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  if (g_utf8_validate (value, -1, NULL))
    lcs_json_append_escaped (out, value);
  else
    {
      g_autofree char *valid = lcs_export_valid_utf8 (value);

      lcs_json_append_escaped (out, valid);
    }
  g_string_append_c (out, '"');
}

void
lcs_json_int (LcsJsonWriter *writer,
              const char    *key,
              gint64         value)
{
  begin_value (writer, key);
  g_string_append_printf (writer->sink->buffer, "%" G_GINT64_FORMAT, value);
}
