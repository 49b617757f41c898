/* Four spin buttons, days to seconds, and the TTL they make. */
#include "lcs-ttl-entry.h"

#include <lcsdns/model/record.h>

struct _LcsTtlEntry {
  GtkBox         parent_instance;

  GtkSpinButton *days_spin;
  GtkSpinButton *hours_spin;
  GtkSpinButton *minutes_spin;
  GtkSpinButton *seconds_spin;
  gboolean       setting;
};

enum {
  PROP_0,
  PROP_SECONDS,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE (LcsTtlEntry, lcs_ttl_entry, GTK_TYPE_BOX)

guint32
lcs_ttl_entry_get_seconds (LcsTtlEntry *self)
{
  guint32 seconds;

  g_return_val_if_fail (LCS_IS_TTL_ENTRY (self), LCS_WINDOWS_TTL);

  /* 24855 days and a few hours pass 2^31 - 1, the largest TTL; no sum passes 2^32. */
  seconds = (guint32) gtk_spin_button_get_value_as_int (self->days_spin) * 86400
            + (guint32) gtk_spin_button_get_value_as_int (self->hours_spin) * 3600
            + (guint32) gtk_spin_button_get_value_as_int (self->minutes_spin) * 60
            + (guint32) gtk_spin_button_get_value_as_int (self->seconds_spin);
  return MIN (seconds, (guint32) G_MAXINT32);
}

void
lcs_ttl_entry_set_seconds (LcsTtlEntry *self,
                           guint32      seconds)
{
  g_return_if_fail (LCS_IS_TTL_ENTRY (self));

  /* One notification for the four fields. */
  self->setting = TRUE;
  gtk_spin_button_set_value (self->days_spin, seconds / 86400);
  gtk_spin_button_set_value (self->hours_spin, seconds / 3600 % 24);
  gtk_spin_button_set_value (self->minutes_spin, seconds / 60 % 60);
  gtk_spin_button_set_value (self->seconds_spin, seconds % 60);
  self->setting = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS]);
}

static void
on_spin_changed (LcsTtlEntry   *self,
                 GtkSpinButton *spin)
{
  if (!self->setting)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS]);
}

/* The caption's mnemonic lands on the first field. */
static gboolean
lcs_ttl_entry_mnemonic_activate (GtkWidget *widget,
                                 gboolean   group_cycling)
{
  gtk_widget_grab_focus (GTK_WIDGET (LCS_TTL_ENTRY (widget)->days_spin));
  return TRUE;
}

static void
lcs_ttl_entry_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SECONDS:
      g_value_set_uint (value, lcs_ttl_entry_get_seconds (LCS_TTL_ENTRY (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lcs_ttl_entry_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SECONDS:
      lcs_ttl_entry_set_seconds (LCS_TTL_ENTRY (object), g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lcs_ttl_entry_class_init (LcsTtlEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lcs_ttl_entry_get_property;
  object_class->set_property = lcs_ttl_entry_set_property;
  widget_class->mnemonic_activate = lcs_ttl_entry_mnemonic_activate;

  /* Windows's largest TTL, 0x7FFFFFFF seconds; its default, one hour. */
  properties[PROP_SECONDS] =
    g_param_spec_uint ("seconds", NULL, NULL, 0, G_MAXINT32, LCS_WINDOWS_TTL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/lcsdns/Console/lcs-ttl-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, LcsTtlEntry, days_spin);
  gtk_widget_class_bind_template_child (widget_class, LcsTtlEntry, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, LcsTtlEntry, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, LcsTtlEntry, seconds_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_changed);
}

static void
lcs_ttl_entry_init (LcsTtlEntry *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lcs_ttl_entry_set_seconds (self, LCS_WINDOWS_TTL);
}
