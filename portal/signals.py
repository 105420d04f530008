"""Events one feature announces and others react to, so features stay apart.

Send with ``signal.send(current_app._get_current_object(), **data)`` inside the
transaction that made the change; receivers add their own rows to the same
session (they flush, never commit).
"""
from blinker import Namespace

_signals = Namespace()

# An employer organisation registered itself. data: organisation, user
organisation_signed_up = _signals.signal("organisation-signed-up")
# An employer published a role. data: role
role_published = _signals.signal("role-published")
# A placement started, ended or converted. data: placement, change ("started", "ended", "converted")
placement_changed = _signals.signal("placement-changed")
# A candidate withdrew a consent. data: consent
consent_withdrawn = _signals.signal("consent-withdrawn")
# A valid consent now shares more or less than before. data: consent, change ("widened" or "narrowed")
consent_scope_changed = _signals.signal("consent-scope-changed")
# A candidate's personal data is being erased: other features clear their text of the person. data: candidate
candidate_erasing = _signals.signal("candidate-erasing")
