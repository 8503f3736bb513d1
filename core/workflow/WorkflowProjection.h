#pragma once
// Projects the workflow facts (WorkflowFacts.h) into the contact's state columns and the
// partner_check, referrer_feedback, edt_handover, strategy_discussion and strategy_action tables.

#include "store/Projections.h"

namespace frontdoor::core {

void registerWorkflowProjection(Projections& projections);

} // namespace frontdoor::core
