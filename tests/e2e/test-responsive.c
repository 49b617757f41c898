/* The live check never blocks the window: against a server that never answers, a 10 ms
 * heartbeat in the main loop never stalls as long as a query timeout, progress and Cancel are
 * shown, and Cancel ends the check before its questions' first timeout. Runs under Xvfb. */
#include <gio/gio.h>
#include <gtk/gtk.h>
#include <lcsdns/profile/profile.h>

#include "e2e-util.h"

/* How long the check runs against silence before Cancel. A run whose cancel waited for its
 * questions would end with their first timeout (1500 ms per try), 1200 ms later at the least; a
 * loaded 2-core machine delays the main loop a few hundred ms at worst. The bound lies between. */
#define SILENCE_MS    300
#define MAX_CANCEL_US (1000 * 1000)

typedef struct {
  GMainLoop *loop;
  E2eHeartbeat beat;
  gint64     cancelled_at;
  gint64     ended_at;
  gboolean   timed_out;
} Fixture;

static gboolean
on_quit_loop (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
on_give_up (gpointer user_data)
{
  Fixture *f = user_data;

  f->timed_out = TRUE;
  g_main_loop_quit (f->loop);
  return G_SOURCE_REMOVE;
}

static void
on_checking_notify (LcsWindow  *window,
                    GParamSpec *pspec,
                    Fixture    *f)
{
  if (!lcs_window_is_checking (window) && f->cancelled_at != 0 && f->ended_at == 0)
    {
      f->ended_at = g_get_monotonic_time ();
      g_main_loop_quit (f->loop);
    }
}

/* A UDP socket on loopback that receives and never answers. */
static GSocket *
silent_server (guint16 *port)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  GSocket *socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, &error);

  g_assert_no_error (error);
  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  return socket;
}

static LcsProfile *
silent_profile (guint16 port)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *server = g_strdup_printf ("127.0.0.1:%u", port);
  LcsProfile *profile = lcs_profile_new ();

  lcs_profile_set (profile, "domains", "contoso.com,fabrikam.com", &error);
  g_assert_no_error (error);
  lcs_profile_set (profile, "pool", "lcs.contoso.com", &error);
  g_assert_no_error (error);
  lcs_profile_set (profile, "pool-ip", "10.0.0.5", &error);
  g_assert_no_error (error);
  lcs_profile_set (profile, "internal-dns", server, &error);
  g_assert_no_error (error);
  return profile;
}

static void
test_check_against_silent_server (void)
{
  Fixture f = { 0 };
  guint16 port = 0;
  g_autoptr(GSocket) server = silent_server (&port);
  LcsWindow *window = g_object_new (LCS_TYPE_WINDOW, NULL);
  guint give_up;
  gint64 started;

  f.loop = g_main_loop_new (NULL, FALSE);
  lcs_window_set_document (window, lcs_document_new (silent_profile (port), NULL));
  gtk_widget_show (GTK_WIDGET (window));
  g_signal_connect (window, "notify::checking", G_CALLBACK (on_checking_notify), &f);

  /* Let the window map and draw before measuring. */
  g_timeout_add (300, on_quit_loop, f.loop);
  g_main_loop_run (f.loop);

  e2e_heartbeat_start (&f.beat);
  started = g_get_monotonic_time ();
  g_action_group_activate_action (G_ACTION_GROUP (window), "check-now", NULL);
  g_assert_true (lcs_window_is_checking (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->progress_bar)));
  g_assert_true (gtk_widget_get_visible (window->cancel_button));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "cancel-check"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "check-now"));

  /* Silence: every query is still waiting for its first timeout. */
  g_timeout_add (SILENCE_MS, on_quit_loop, f.loop);
  g_main_loop_run (f.loop);
  g_assert_true (lcs_window_is_checking (window));
  g_assert_cmpuint (window->asked, >, 0);
  g_assert_cmpuint (window->answered, <, window->asked);

  f.cancelled_at = g_get_monotonic_time ();
  g_action_group_activate_action (G_ACTION_GROUP (window), "cancel-check", NULL);
  give_up = g_timeout_add (5000, on_give_up, &f);
  if (lcs_window_is_checking (window))
    g_main_loop_run (f.loop);
  else
    f.ended_at = g_get_monotonic_time ();
  e2e_heartbeat_stop (&f.beat);
  if (!f.timed_out)
    g_source_remove (give_up);

  g_test_message ("checked for %.0f ms; longest main-loop stall %.1f ms; cancel took %.1f ms; %u asked",
                  (f.cancelled_at - started) / 1e3, f.beat.max_gap / 1e3, (f.ended_at - f.cancelled_at) / 1e3,
                  window->asked);
  g_assert_false (f.timed_out);
  g_assert_false (lcs_window_is_checking (window));
  g_assert_cmpint (f.beat.max_gap, >, 0);
  g_assert_cmpint (f.beat.max_gap, <, E2E_MAX_STALL_US);
  g_assert_cmpint (f.ended_at - f.cancelled_at, <, MAX_CANCEL_US);
  g_assert_false (gtk_widget_get_visible (window->cancel_button));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "check-now"));

  gtk_widget_destroy (GTK_WIDGET (window));
  g_main_loop_unref (f.loop);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/responsive/silent-server-cancel", test_check_against_silent_server);
  return g_test_run ();
}
