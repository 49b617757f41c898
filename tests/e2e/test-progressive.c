/* Check now fills the result rows in as their answers arrive: against a server that answers the
 * pool's host at once and never answers an SRV question, the host row shows its status while
 * the SRV rows still say "Checking…", and the main loop stays free. Then the same rule driven
 * by hand with a partly filled store. Runs under Xvfb. */
#include <string.h>
#include <gio/gio.h>
#include <gtk/gtk.h>
#include <lcsdns/check/check.h>
#include <lcsdns/profile/profile.h>

#include "e2e-util.h"

#define POOL         "lcs.contoso.com."
#define POOL_IP      "10.0.0.5"
#define SIGNIN_SRV   "_sipinternaltls._tcp.contoso.com."
#define DNS_HEADER   12

/* A DNS server on loopback that knows one host: A and every other type of POOL at once, and
 * stays silent for any other name (or for every name, when @mute). */
typedef struct {
  gboolean mute;
  GSocket *socket;
  GSource *source;
  guint16  port;
  guint    answered;
  guint    ignored;
} Server;

/* The question's name, lower case with a final dot, and where the question ends. */
static char *
read_question (const guint8 *buf,
               gsize         len,
               gsize        *end)
{
  GString *name = g_string_new (NULL);
  gsize p = DNS_HEADER;

  while (p < len && buf[p] != 0)
    {
      guint label = buf[p];

      if (label > 63 || p + 1 + label > len)
        {
          g_string_free (name, TRUE);
          return NULL;
        }
      g_string_append_len (name, (const char *) buf + p + 1, label);
      g_string_append_c (name, '.');
      p += 1 + label;
    }
  if (p + 5 > len)
    {
      g_string_free (name, TRUE);
      return NULL;
    }
  *end = p + 5;
  return g_ascii_strdown (g_string_free (name, FALSE), -1);
}

static gboolean
on_query (GSocket      *socket,
          GIOCondition  condition,
          gpointer      user_data)
{
  static const guint8 a_record[] = { 0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 1, 44, 0, 4, 10, 0, 0, 5 };
  Server *server = user_data;
  guint8 buf[512];
  guint8 reply[512 + sizeof a_record];
  g_autoptr(GSocketAddress) from = NULL;
  g_autofree char *name = NULL;
  gssize len = g_socket_receive_from (socket, &from, (char *) buf, sizeof buf, NULL, NULL);
  gsize end = 0;
  guint16 qtype;
  gsize n;

  if (server->mute || len < DNS_HEADER || (name = read_question (buf, len, &end)) == NULL
      || !g_str_equal (name, POOL))
    {
      server->ignored++;
      return G_SOURCE_CONTINUE;
    }
  qtype = (guint16) ((buf[end - 4] << 8) | buf[end - 3]);
  memcpy (reply, buf, end);
  reply[2] = 0x84 | (buf[2] & 0x01);  /* QR, AA, RD as asked */
  reply[3] = 0;
  reply[4] = 0, reply[5] = 1;
  reply[6] = 0, reply[7] = qtype == 1 ? 1 : 0;
  memset (reply + 8, 0, 4);
  n = end;
  if (qtype == 1)
    {
      memcpy (reply + n, a_record, sizeof a_record);
      n += sizeof a_record;
    }
  g_socket_send_to (socket, from, (const char *) reply, n, NULL, NULL);
  server->answered++;
  return G_SOURCE_CONTINUE;
}

static void
server_start (Server *server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  server->socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                                 G_SOCKET_PROTOCOL_UDP, &error);
  g_assert_no_error (error);
  g_socket_set_blocking (server->socket, FALSE);
  g_socket_bind (server->socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (server->socket, &error);
  g_assert_no_error (error);
  server->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  server->source = g_socket_create_source (server->socket, G_IO_IN, NULL);
  g_source_set_callback (server->source, (GSourceFunc) (gpointer) on_query, server, NULL);
  g_source_attach (server->source, NULL);
}

static void
server_stop (Server *server)
{
  g_source_destroy (server->source);
  g_source_unref (server->source);
  g_object_unref (server->socket);
}

static LcsProfile *
pool_profile (guint16 port)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dns = g_strdup_printf ("127.0.0.1:%u", port);
  LcsProfile *profile = lcs_profile_new ();

  lcs_profile_set (profile, "domains", "contoso.com", &error);
  g_assert_no_error (error);
  lcs_profile_set (profile, "pool", POOL, &error);
  g_assert_no_error (error);
  lcs_profile_set (profile, "pool-ip", POOL_IP, &error);
  g_assert_no_error (error);
  lcs_profile_set (profile, "internal-dns", dns, &error);
  g_assert_no_error (error);
  return profile;
}

static char *
row_status (LcsWindow  *window,
            const char *name,
            guint16     type)
{
  return lcs_result_list_get_status (window->result_list, name, type, LCS_VIEW_INTERNAL);
}

static void
assert_row_status (LcsWindow  *window,
                   const char *name,
                   guint16     type,
                   const char *expected)
{
  g_autofree char *status = row_status (window, name, type);

  g_assert_cmpstr (status, ==, expected);
}

static LcsWindow *
checking_window (guint16 port)
{
  LcsWindow *window = g_object_new (LCS_TYPE_WINDOW, NULL);
  g_autofree char *host = NULL;
  g_autofree char *srv = NULL;

  lcs_window_set_document (window, lcs_document_new (pool_profile (port), NULL));
  gtk_widget_show (GTK_WIDGET (window));
  e2e_spin (300);
  g_action_group_activate_action (G_ACTION_GROUP (window), "check-now", NULL);
  g_assert_true (lcs_window_is_checking (window));
  host = row_status (window, POOL, LCS_TYPE_A);
  srv = row_status (window, SIGNIN_SRV, LCS_TYPE_SRV);
  g_assert_cmpstr (host, ==, "Checking…");
  g_assert_cmpstr (srv, ==, "Checking…");
  return window;
}

static void
cancel_and_close (LcsWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  g_action_group_activate_action (G_ACTION_GROUP (window), "cancel-check", NULL);
  while (lcs_window_is_checking (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (lcs_window_is_checking (window));
  gtk_widget_destroy (GTK_WIDGET (window));
}

/* The pool's host is answered at once: its row shows OK within a tick or two, while the SRV
 * questions wait for a timeout of 1.5 s and their rows still say "Checking…". */
static void
test_rows_fill_in (void)
{
  Server server = { 0 };
  E2eHeartbeat beat = { 0 };
  LcsWindow *window;
  gint64 started, deadline;
  g_autofree char *host = NULL;
  g_autofree char *srv = NULL;
  guint checking, total;

  server_start (&server);
  window = checking_window (server.port);
  total = lcs_result_list_count_checking (window->result_list);
  e2e_heartbeat_start (&beat);
  started = g_get_monotonic_time ();
  deadline = started + 1200 * 1000;
  while (g_get_monotonic_time () < deadline)
    {
      g_free (host);
      host = row_status (window, POOL, LCS_TYPE_A);
      if (!g_str_equal (host, "Checking…"))
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_free (srv);
  srv = row_status (window, SIGNIN_SRV, LCS_TYPE_SRV);
  checking = lcs_result_list_count_checking (window->result_list);
  g_test_message ("host row settled after %.0f ms; %u of %u rows still checking; %u answered, "
                  "%u ignored by the server; longest stall %.1f ms",
                  (g_get_monotonic_time () - started) / 1e3, checking, total, server.answered,
                  server.ignored, beat.max_gap / 1e3);
  g_assert_cmpstr (host, ==, "OK");
  g_assert_cmpstr (srv, ==, "Checking…");
  g_assert_true (lcs_window_is_checking (window));
  g_assert_cmpuint (checking, >, 0);
  g_assert_cmpuint (checking, <, total);
  g_assert_cmpuint (server.answered, >, 0);

  e2e_spin (300);
  e2e_heartbeat_stop (&beat);
  g_assert_cmpint (beat.max_gap, <, E2E_MAX_STALL_US);
  cancel_and_close (window);
  server_stop (&server);
}

static void
set_answer (LcsObservations *obs,
            const char      *name,
            guint16          type,
            LcsAnswer        answer)
{
  lcs_observations_set_answer (obs, LCS_VIEW_INTERNAL, name, type, answer, "test");
}

/* The rule by hand, during a check nothing answers: a row settles when every question its
 * status reads is answered, and not before. */
static void
test_partial_store (void)
{
  Server server = { TRUE };
  LcsWindow *window;
  g_autoptr(LcsObservations) found = lcs_observations_new ();
  g_autoptr(LcsObservations) missing = lcs_observations_new ();
  g_autoptr(GPtrArray) mistyped = lcs_check_mistyped_names ("_sipinternaltls", "_tcp",
                                                            "contoso.com");

  server_start (&server);
  window = checking_window (server.port);

  /* The SRV record is there, but its target's addresses are not answered yet. */
  set_answer (found, SIGNIN_SRV, LCS_TYPE_SRV, LCS_ANSWER_DATA);
  lcs_observations_take_record (found, LCS_VIEW_INTERNAL,
                                lcs_record_new_srv (SIGNIN_SRV, 300, 0, 0, 5061, POOL));
  lcs_window_show_partial (window, found);
  assert_row_status (window, SIGNIN_SRV, LCS_TYPE_SRV, "Checking…");
  assert_row_status (window, POOL, LCS_TYPE_A, "Checking…");

  set_answer (found, POOL, LCS_TYPE_A, LCS_ANSWER_DATA);
  lcs_observations_take_record (found, LCS_VIEW_INTERNAL,
                                lcs_record_new_address (POOL, 300, POOL_IP));
  lcs_window_show_partial (window, found);
  assert_row_status (window, SIGNIN_SRV, LCS_TYPE_SRV, "OK");
  assert_row_status (window, POOL, LCS_TYPE_A, "OK");
  g_assert_cmpuint (lcs_result_list_count_checking (window->result_list), ==, 0);

  /* A new check: every row waits again. Not found at its own name, but the names the usual
   * mistakes give are not answered yet; nor is the host's AAAA question. */
  cancel_and_close (window);
  window = checking_window (server.port);
  set_answer (missing, SIGNIN_SRV, LCS_TYPE_SRV, LCS_ANSWER_NXDOMAIN);
  set_answer (missing, POOL, LCS_TYPE_A, LCS_ANSWER_NXDOMAIN);
  lcs_window_show_partial (window, missing);
  assert_row_status (window, SIGNIN_SRV, LCS_TYPE_SRV, "Checking…");
  assert_row_status (window, POOL, LCS_TYPE_A, "Checking…");

  for (guint i = 0; i < mistyped->len; i++)
    set_answer (missing, g_ptr_array_index (mistyped, i), LCS_TYPE_SRV, LCS_ANSWER_NXDOMAIN);
  set_answer (missing, POOL, LCS_TYPE_AAAA, LCS_ANSWER_NXDOMAIN);
  lcs_window_show_partial (window, missing);
  assert_row_status (window, SIGNIN_SRV, LCS_TYPE_SRV, "Missing");
  assert_row_status (window, POOL, LCS_TYPE_A, "Missing");

  cancel_and_close (window);
  server_stop (&server);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/progressive/rows-fill-in", test_rows_fill_in);
  g_test_add_func ("/progressive/partial-store", test_partial_store);
  return g_test_run ();
}
