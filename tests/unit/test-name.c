/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DNS names: validation limits, normalisation, origin arithmetic, distance. */
#include <lcsdns/model/name.h>

#include <string.h>

static void
test_validate (void)
{
  g_autofree char *label63 = g_strnfill (63, 'a');
  g_autofree char *label64 = g_strnfill (64, 'a');
  g_autofree char *ok63 = g_strconcat (label63, ".contoso.com", NULL);
  g_autofree char *bad64 = g_strconcat (label64, ".contoso.com", NULL);
  GString *long_name = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (lcs_name_validate ("sip.contoso.com", LCS_NAME_HOST, NULL));
  g_assert_true (lcs_name_validate ("SIP.Contoso.COM.", LCS_NAME_HOST, NULL));
  g_assert_true (lcs_name_validate (ok63, LCS_NAME_HOST, NULL));
  g_assert_false (lcs_name_validate (bad64, LCS_NAME_HOST, &error));
  g_assert_error (error, LCS_NAME_ERROR, LCS_NAME_ERROR_LABEL_LONG);
  g_clear_error (&error);

  while (long_name->len < 260)
    g_string_append (long_name, "abcdefghi.");
  g_string_append (long_name, "com");
  g_assert_false (lcs_name_validate (long_name->str, LCS_NAME_OWNER, &error));
  g_assert_error (error, LCS_NAME_ERROR, LCS_NAME_ERROR_NAME_LONG);
  g_clear_error (&error);
  g_string_free (long_name, TRUE);

  g_assert_false (lcs_name_validate ("_sip._tls.contoso.com", LCS_NAME_HOST, NULL));
  g_assert_true (lcs_name_validate ("_sip._tls.contoso.com", LCS_NAME_OWNER, NULL));
  g_assert_false (lcs_name_validate ("a..b", LCS_NAME_OWNER, NULL));
  g_assert_false (lcs_name_validate ("", LCS_NAME_OWNER, NULL));
  g_assert_false (lcs_name_validate ("a b.com", LCS_NAME_OWNER, NULL));
  g_assert_false (lcs_name_validate ("-a.com", LCS_NAME_HOST, NULL));
  g_assert_false (lcs_name_validate ("a;rm.com", LCS_NAME_OWNER, NULL));
  g_assert_true (lcs_name_validate (".", LCS_NAME_HOST, NULL));
}

/* Eight bytes are lowered at a time: every byte value, at every position of a word and in the
 * tail after the last whole word, must come out as g_ascii_tolower () gives it. */
static void
test_normalize_bytes (void)
{
  char name[300];
  char buf[64];
  guint b, shift;

  for (shift = 0; shift < 9; shift++)
    for (b = 1; b < 256; b++)
      {
        g_autofree char *norm = NULL;
        g_autofree char *heap = NULL;
        const char *into;
        gsize length, i;

        memset (name, 'Q', sizeof name);
        name[shift] = (char) b;
        name[shift + 9] = '\0';
        norm = lcs_name_normalize (name);
        into = lcs_name_normalize_into (name, buf, sizeof buf, &heap, &length);
        g_assert_null (heap);
        g_assert_cmpuint (length, ==, strlen (norm));
        g_assert_cmpstr (into, ==, norm);
        for (i = 0; i < (b == '.' && shift == 8 ? 8 : 9u); i++)
          g_assert_cmpint (norm[i], ==, g_ascii_tolower (name[i]));
        /* Names compare eight bytes at a time too: a byte and its other case are the same
         * letter only for ASCII letters (0xC1 is not 0xE1). */
        g_assert_true (lcs_name_equal (name, norm));
        if (b == 0x20)
          continue;
        memcpy (buf, name, shift + 10);
        buf[shift] = (char) (b ^ 0x20);
        g_assert_cmpint (lcs_name_equal (name, buf), ==, g_ascii_isalpha ((char) b));
        g_assert_cmpint (lcs_name_ends_in (name, buf), ==, g_ascii_isalpha ((char) b));
      }
  /* A name longer than the buffer goes to the heap, whole. */
  memset (name, 'A', sizeof name - 1);
  name[sizeof name - 1] = '\0';
  {
    g_autofree char *heap = NULL;
    gsize length;
    const char *into = lcs_name_normalize_into (name, buf, sizeof buf, &heap, &length);

    g_assert_true (into == heap);
    g_assert_cmpuint (length, ==, sizeof name);
    g_assert_cmpint (into[0], ==, 'a');
    g_assert_cmpint (into[sizeof name - 2], ==, 'a');
    g_assert_cmpint (into[sizeof name - 1], ==, '.');
  }
}

static void
test_normalize (void)
{
  g_autofree char *a = lcs_name_normalize ("SIP.Contoso.com");
  g_autofree char *b = lcs_name_normalize ("sip.contoso.com.");
  g_autofree char *abs1 = lcs_name_absolute ("sip", "contoso.com");
  g_autofree char *abs2 = lcs_name_absolute ("@", "contoso.com.");
  g_autofree char *abs3 = lcs_name_absolute ("host.fabrikam.com.", "contoso.com");
  g_autofree char *rel1 = lcs_name_relative ("_sip._tls.contoso.com.", "contoso.com");
  g_autofree char *rel2 = lcs_name_relative ("contoso.com", "contoso.com.");
  g_autofree char *rel3 = lcs_name_relative ("notcontoso.com", "contoso.com");
  g_autofree char *parent = lcs_name_parent ("sip.contoso.com");
  g_auto(GStrv) labels = lcs_name_split ("_sip._tls.Contoso.com.");

  g_assert_cmpstr (a, ==, "sip.contoso.com.");
  g_assert_cmpstr (b, ==, "sip.contoso.com.");
  g_assert_cmpstr (abs1, ==, "sip.contoso.com.");
  g_assert_cmpstr (abs2, ==, "contoso.com.");
  g_assert_cmpstr (abs3, ==, "host.fabrikam.com.");
  g_assert_cmpstr (rel1, ==, "_sip._tls");
  g_assert_cmpstr (rel2, ==, "@");
  g_assert_null (rel3);
  g_assert_cmpstr (parent, ==, "contoso.com.");
  g_assert_cmpuint (g_strv_length (labels), ==, 4);
  g_assert_cmpstr (labels[2], ==, "contoso");
}

static void
test_bare (void)
{
  const char *cases[][2] = {
    { "SIP.Contoso.com.", "sip.contoso.com" }, { "sip.contoso.com", "sip.contoso.com" },
    { ".", "." }, { "", "" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bare = lcs_name_bare (cases[i][0]);
      g_assert_cmpstr (bare, ==, cases[i][1]);
    }
}

static void
test_relations (void)
{
  g_assert_true (lcs_name_ends_in ("a.b.contoso.com", "contoso.com."));
  g_assert_false (lcs_name_ends_in ("notcontoso.com", "contoso.com"));
  g_assert_true (lcs_name_parent_is ("sip.contoso.com.", "CONTOSO.COM"));
  g_assert_false (lcs_name_parent_is ("a.sip.contoso.com", "contoso.com"));
  g_assert_true (lcs_name_equal ("Sip.Contoso.com", "sip.contoso.com."));
  g_assert_true (lcs_name_is_address ("192.0.2.1"));
  g_assert_true (lcs_name_is_address ("2001:db8::1"));
  g_assert_false (lcs_name_is_address ("sip.contoso.com"));
  g_assert_false (lcs_name_is_address ("300.1.1.1"));
}

static void
test_distance (void)
{
  g_assert_cmpuint (lcs_name_edit_distance ("_sipinterntls", "_sipinternaltls"), ==, 2);
  g_assert_cmpuint (lcs_name_edit_distance ("_SIP", "_sip"), ==, 0);
  g_assert_cmpuint (lcs_name_edit_distance ("", "abc"), ==, 3);
  g_assert_cmpuint (lcs_name_edit_distance ("kitten", "sitting"), ==, 3);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/name/validate", test_validate);
  g_test_add_func ("/name/normalize", test_normalize);
  g_test_add_func ("/name/normalize-bytes", test_normalize_bytes);
  g_test_add_func ("/name/bare", test_bare);
  g_test_add_func ("/name/relations", test_relations);
  g_test_add_func ("/name/distance", test_distance);
  return g_test_run ();
}
