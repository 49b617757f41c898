/* The generation registry: the built-in table (generation-tables.c) and any registered later,
 * looked up by product value or by profile id, and written out as docs. */
#include <lcsdns/profile/generation.h>

#include <lcsdns/model/rules.h>
#include <string.h>

#include "generation-private.h"

static GPtrArray *registered;  /* const LcsGeneration*, after the built-in ones */

guint
lcs_generations_count (void)
{
  gsize n_builtin;

  lcs_generations_builtin (&n_builtin);
  return n_builtin + (registered ? registered->len : 0);
}

const LcsGeneration *
lcs_generation_get (LcsProduct product)
{
  gsize n_builtin;
  const LcsGeneration *builtin = lcs_generations_builtin (&n_builtin);

  if ((gsize) product < n_builtin)
    return &builtin[product];
  g_return_val_if_fail (registered && (gsize) product - n_builtin < registered->len, builtin);
  return g_ptr_array_index (registered, product - n_builtin);
}

gboolean
lcs_generation_find (const char *id,
                     LcsProduct *product)
{
  guint i, n = lcs_generations_count ();

  for (i = 0; i < n; i++)
    if (g_ascii_strcasecmp (lcs_generation_get (i)->id, id) == 0)
      {
        *product = i;
        return TRUE;
      }
  return FALSE;
}

LcsProduct
lcs_generation_register (const LcsGeneration *generation)
{
  LcsProduct existing;

  if (lcs_generation_find (generation->id, &existing))
    return existing;
  if (registered == NULL)
    registered = g_ptr_array_new ();
  g_ptr_array_add (registered, (gpointer) generation);
  return lcs_generations_count () - 1;
}

static const char *
when_text (const LcsPlanRow *row)
{
  static const struct { guint bit; const char *text; } words[] = {
    { LCS_WHEN_TLS, "TLS" }, { LCS_WHEN_TCP, "TCP" }, { LCS_WHEN_MESSENGER, "Messenger" },
    { LCS_WHEN_FEDERATION, "federation" }, { LCS_WHEN_XMPP, "XMPP" },
    { LCS_WHEN_ONLINE, "Online" }, { LCS_WHEN_LEGACY, "required with legacy clients, else recommended" },
  };
  GString *text = g_string_new (NULL);
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (words); i++)
    if (row->when & words[i].bit)
      g_string_append_printf (text, "%s%s", text->len ? ", " : "", words[i].text);
  if (text->len == 0)
    g_string_append (text, "when the profile names its hosts");
  {
    /* Interned: the docs ask for a handful of distinct strings, once. */
    g_autofree char *done = g_string_free (text, FALSE);
    return g_intern_string (done);
  }
}

char *
lcs_generations_to_markdown (void)
{
  GString *out = g_string_new ("\n# Required records\n\n"
                               "Generated from the generation tables "
                               "(`src/core/profile/generation-tables.c`): every row of docs/spec.md §3 "
                               "with the page it comes from.\n");
  guint g, n = lcs_generations_count ();
  gsize i;

  for (g = 0; g < n; g++)
    {
      const LcsGeneration *gen = lcs_generation_get (g);

      g_string_append_printf (out, "\n## `%s` — %s\n\n| view | record | when | source |\n"
                              "|---|---|---|---|\n", gen->id, gen->display);
      for (i = 0; i < gen->n_rows; i++)
        {
          const LcsPlanRow *row = &gen->rows[i];

          g_string_append_printf (out, "| %s | %s | %s | %s |\n", lcs_view_to_string (row->view),
                                  row->what, when_text (row), row->source);
        }
    }
  return g_string_free (out, FALSE);
}

char *
lcs_reference_to_markdown (void)
{
  g_autofree char *rules = lcs_rules_to_markdown ();
  g_autofree char *records = lcs_generations_to_markdown ();

  return g_strconcat (rules, records, NULL);
}
