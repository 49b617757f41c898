/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Starts dnsfixture.py and reads its ports. */
#include "fixture.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

struct _Fixture {
  GSubprocess *process;
  GHashTable  *servers;  /* which → "127.0.0.1:PORT" */
};

static void
add_server (Fixture    *fixture,
            const char *which,
            gint64      port)
{
  g_hash_table_insert (fixture->servers, g_strdup (which),
                       g_strdup_printf ("127.0.0.1:%" G_GINT64_FORMAT, port));
}

static void
on_fault_port (JsonObject *object,
               const char *member,
               JsonNode   *node,
               gpointer    user_data)
{
  add_server (user_data, member, json_node_get_int (node));
}

static void
read_ports (Fixture    *fixture,
            const char *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  static const char *const views[] = { "internal", "external", "closed" };
  gsize i;

  if (!json_parser_load_from_data (parser, line, -1, &error))
    g_error ("dnsfixture.py said “%s”: %s", line, error->message);
  root = json_node_get_object (json_parser_get_root (parser));
  for (i = 0; i < G_N_ELEMENTS (views); i++)
    if (json_object_has_member (root, views[i]))
      add_server (fixture, views[i], json_object_get_int_member (root, views[i]));
  if (json_object_has_member (root, "faults"))
    json_object_foreach_member (json_object_get_object_member (root, "faults"), on_fault_port,
                                fixture);
}

Fixture *
fixture_start (const char        *zones,
               const char *const *extra_args)
{
  Fixture *fixture = g_new0 (Fixture, 1);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  const char *script = g_getenv ("LCS_LOOKUP_FIXTURE");

  if (zones == NULL)
    zones = g_getenv ("LCS_LOOKUP_ZONES");
  if (script == NULL || zones == NULL)
    g_error ("LCS_LOOKUP_FIXTURE and LCS_LOOKUP_ZONES must be set (meson test sets them)");
  fixture->servers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_ptr_array_add (argv, (gpointer) "/usr/bin/python3");
  g_ptr_array_add (argv, (gpointer) script);
  g_ptr_array_add (argv, (gpointer) zones);
  for (; extra_args != NULL && *extra_args != NULL; extra_args++)
    g_ptr_array_add (argv, (gpointer) *extra_args);
  g_ptr_array_add (argv, NULL);
  /* The fixture serves until its stdin closes, so it ends with this process however it ends. */
  fixture->process = g_subprocess_newv ((const char *const *) argv->pdata,
                                        G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  if (fixture->process == NULL)
    g_error ("cannot start dnsfixture.py: %s", error->message);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (fixture->process));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  if (line == NULL)
    g_error ("dnsfixture.py did not start: %s", error ? error->message : "no output");
  read_ports (fixture, line);
  return fixture;
}

void
fixture_stop (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  if (fixture == NULL)
    return;
  g_output_stream_close (g_subprocess_get_stdin_pipe (fixture->process), NULL, NULL);
  if (!g_subprocess_wait (fixture->process, NULL, &error))
    g_subprocess_force_exit (fixture->process);
  g_object_unref (fixture->process);
  g_hash_table_unref (fixture->servers);
  g_free (fixture);
}

const char *
fixture_server (Fixture    *fixture,
                const char *which)
{
  const char *server = g_hash_table_lookup (fixture->servers, which);

  if (server == NULL)
    g_error ("the fixture has no server “%s”", which);
  return server;
}

LcsProfile *
fixture_profile (const char *product,
                 const char *domains,
                 gboolean    edge)
{
  g_autoptr(LcsProfile) profile = lcs_profile_new ();
  g_auto(GStrv) list = g_strsplit (domains, ",", 2);
  g_autofree char *pool = g_strdup_printf ("lcs.%s", list[0]);
  g_autofree char *edge_host = g_strdup_printf ("sip.%s", list[0]);
  g_autoptr(GError) error = NULL;

  if (!lcs_profile_set (profile, "product", product, &error)
      || !lcs_profile_set (profile, "domains", domains, &error)
      || !lcs_profile_set (profile, "pool", pool, &error)
      || !lcs_profile_set (profile, "pool-ip", "192.0.2.10", &error)
      || (edge && !lcs_profile_set (profile, "edge", edge_host, &error))
      || (edge && !lcs_profile_set (profile, "edge-ip", "198.51.100.10", &error)))
    g_error ("test profile: %s", error->message);
  return g_steal_pointer (&profile);
}

gint64
fixture_elapsed_ms (gint64 start_us)
{
  return (g_get_monotonic_time () - start_us) / 1000;
}
