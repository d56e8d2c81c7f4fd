""" Contains all the data models used in inputs/outputs """

from .admin_user_response import AdminUserResponse
from .audit_event_response import AuditEventResponse
from .audit_event_response_details import AuditEventResponseDetails
from .body_region import BodyRegion
from .check_result import CheckResult
from .check_status import CheckStatus
from .circuit_item_request import CircuitItemRequest
from .circuit_item_response import CircuitItemResponse
from .circuit_response import CircuitResponse
from .circuit_type import CircuitType
from .cns_load import CnsLoad
from .create_circuit_circuit_request import CreateCircuitCircuitRequest
from .create_circuit_envelope_circuit_response import CreateCircuitEnvelopeCircuitResponse
from .create_movement_envelope_movement_response import CreateMovementEnvelopeMovementResponse
from .create_movement_movement_create_request import CreateMovementMovementCreateRequest
from .create_program_envelope_program_response import CreateProgramEnvelopeProgramResponse
from .create_program_program_create_request import CreateProgramProgramCreateRequest
from .create_two_factor_enrolment_envelope_two_factor_enrolment_response import CreateTwoFactorEnrolmentEnvelopeTwoFactorEnrolmentResponse
from .create_two_factor_enrolment_two_factor_enrolment_request import CreateTwoFactorEnrolmentTwoFactorEnrolmentRequest
from .create_two_factor_verification_envelope_two_factor_enabled_response import CreateTwoFactorVerificationEnvelopeTwoFactorEnabledResponse
from .create_two_factor_verification_two_factor_code_request import CreateTwoFactorVerificationTwoFactorCodeRequest
from .delete_two_factor_two_factor_disable_request import DeleteTwoFactorTwoFactorDisableRequest
from .dimension_weights import DimensionWeights
from .discipline import Discipline
from .discipline_weight import DisciplineWeight
from .discipline_weight_response import DisciplineWeightResponse
from .equipment import Equipment
from .error_envelope import ErrorEnvelope
from .error_item import ErrorItem
from .error_item_details import ErrorItemDetails
from .exercise_movement_response import ExerciseMovementResponse
from .exercise_response import ExerciseResponse
from .exercise_role import ExerciseRole
from .filter_clause import FilterClause
from .get_circuit_envelope_circuit_response import GetCircuitEnvelopeCircuitResponse
from .get_liveness_envelope_liveness_response import GetLivenessEnvelopeLivenessResponse
from .get_me_envelope_user_response import GetMeEnvelopeUserResponse
from .get_movement_envelope_movement_response import GetMovementEnvelopeMovementResponse
from .get_program_envelope_program_response import GetProgramEnvelopeProgramResponse
from .get_readiness_envelope_readiness_response import GetReadinessEnvelopeReadinessResponse
from .get_scoring_config_envelope_scoring_config_response import GetScoringConfigEnvelopeScoringConfigResponse
from .get_session_envelope_session_detail_response import GetSessionEnvelopeSessionDetailResponse
from .get_two_factor_envelope_two_factor_status_response import GetTwoFactorEnvelopeTwoFactorStatusResponse
from .get_workout_log_envelope_workout_log_response import GetWorkoutLogEnvelopeWorkoutLogResponse
from .goal import Goal
from .goal_weight import GoalWeight
from .goal_weight_response import GoalWeightResponse
from .list_audit_events_envelope_page_audit_event_response import ListAuditEventsEnvelopePageAuditEventResponse
from .list_circuits_envelope_page_circuit_response import ListCircuitsEnvelopePageCircuitResponse
from .list_microcycles_envelope_page_microcycle_response import ListMicrocyclesEnvelopePageMicrocycleResponse
from .list_movements_envelope_page_movement_response import ListMovementsEnvelopePageMovementResponse
from .list_my_sessions_envelope_page_session_response import ListMySessionsEnvelopePageSessionResponse
from .list_programs_envelope_page_program_response import ListProgramsEnvelopePageProgramResponse
from .list_scoring_config_versions_envelope_page_scoring_config_response import ListScoringConfigVersionsEnvelopePageScoringConfigResponse
from .list_sessions_envelope_page_session_response import ListSessionsEnvelopePageSessionResponse
from .list_users_envelope_page_admin_user_response import ListUsersEnvelopePageAdminUserResponse
from .list_workout_logs_envelope_page_workout_log_response import ListWorkoutLogsEnvelopePageWorkoutLogResponse
from .liveness_response import LivenessResponse
from .log_workout_envelope_workout_log_response import LogWorkoutEnvelopeWorkoutLogResponse
from .log_workout_workout_log_request import LogWorkoutWorkoutLogRequest
from .login_envelope_token_response import LoginEnvelopeTokenResponse
from .login_login_request import LoginLoginRequest
from .logout_logout_request import LogoutLogoutRequest
from .meta import Meta
from .metric_type import MetricType
from .microcycle_response import MicrocycleResponse
from .microcycle_status import MicrocycleStatus
from .movement_pattern import MovementPattern
from .movement_response import MovementResponse
from .page_admin_user_response import PageAdminUserResponse
from .page_admin_user_response_filters_applied import PageAdminUserResponseFiltersApplied
from .page_audit_event_response import PageAuditEventResponse
from .page_audit_event_response_filters_applied import PageAuditEventResponseFiltersApplied
from .page_circuit_response import PageCircuitResponse
from .page_circuit_response_filters_applied import PageCircuitResponseFiltersApplied
from .page_microcycle_response import PageMicrocycleResponse
from .page_microcycle_response_filters_applied import PageMicrocycleResponseFiltersApplied
from .page_movement_response import PageMovementResponse
from .page_movement_response_filters_applied import PageMovementResponseFiltersApplied
from .page_program_response import PageProgramResponse
from .page_program_response_filters_applied import PageProgramResponseFiltersApplied
from .page_scoring_config_response import PageScoringConfigResponse
from .page_scoring_config_response_filters_applied import PageScoringConfigResponseFiltersApplied
from .page_session_response import PageSessionResponse
from .page_session_response_filters_applied import PageSessionResponseFiltersApplied
from .page_workout_log_response import PageWorkoutLogResponse
from .page_workout_log_response_filters_applied import PageWorkoutLogResponseFiltersApplied
from .primary_muscle import PrimaryMuscle
from .program_response import ProgramResponse
from .progression_style import ProgressionStyle
from .put_scoring_config_envelope_scoring_config_response import PutScoringConfigEnvelopeScoringConfigResponse
from .put_scoring_config_scoring_config_request import PutScoringConfigScoringConfigRequest
from .query_circuits_envelope_page_circuit_response import QueryCircuitsEnvelopePageCircuitResponse
from .query_circuits_structured_query_request import QueryCircuitsStructuredQueryRequest
from .query_movements_envelope_page_movement_response import QueryMovementsEnvelopePageMovementResponse
from .query_movements_structured_query_request import QueryMovementsStructuredQueryRequest
from .readiness_response import ReadinessResponse
from .readiness_response_checks import ReadinessResponseChecks
from .refresh_envelope_token_response import RefreshEnvelopeTokenResponse
from .refresh_refresh_request import RefreshRefreshRequest
from .register_envelope_user_response import RegisterEnvelopeUserResponse
from .register_register_request import RegisterRegisterRequest
from .replace_circuit_circuit_request import ReplaceCircuitCircuitRequest
from .replace_circuit_envelope_circuit_response import ReplaceCircuitEnvelopeCircuitResponse
from .role import Role
from .scoring_config_response import ScoringConfigResponse
from .session_detail_response import SessionDetailResponse
from .session_response import SessionResponse
from .session_status import SessionStatus
from .session_type import SessionType
from .set_rep_range import SetRepRange
from .set_rep_ranges import SetRepRanges
from .skill_level import SkillLevel
from .sort_clause import SortClause
from .sort_clause_order import SortClauseOrder
from .split_template import SplitTemplate
from .token_response import TokenResponse
from .top_set_request import TopSetRequest
from .top_set_response import TopSetResponse
from .two_factor_enabled_response import TwoFactorEnabledResponse
from .two_factor_enrolment_response import TwoFactorEnrolmentResponse
from .two_factor_status_response import TwoFactorStatusResponse
from .update_circuit_circuit_patch_request import UpdateCircuitCircuitPatchRequest
from .update_circuit_envelope_circuit_response import UpdateCircuitEnvelopeCircuitResponse
from .update_me_envelope_user_response import UpdateMeEnvelopeUserResponse
from .update_me_update_me_request import UpdateMeUpdateMeRequest
from .update_movement_envelope_movement_response import UpdateMovementEnvelopeMovementResponse
from .update_movement_movement_update_request import UpdateMovementMovementUpdateRequest
from .update_program_envelope_program_response import UpdateProgramEnvelopeProgramResponse
from .update_program_program_update_request import UpdateProgramProgramUpdateRequest
from .update_session_envelope_session_detail_response import UpdateSessionEnvelopeSessionDetailResponse
from .update_session_session_update_request import UpdateSessionSessionUpdateRequest
from .update_user_admin_user_update_request import UpdateUserAdminUserUpdateRequest
from .update_user_envelope_admin_user_response import UpdateUserEnvelopeAdminUserResponse
from .user_response import UserResponse
from .workout_log_response import WorkoutLogResponse

__all__ = (
    "AdminUserResponse",
    "AuditEventResponse",
    "AuditEventResponseDetails",
    "BodyRegion",
    "CheckResult",
    "CheckStatus",
    "CircuitItemRequest",
    "CircuitItemResponse",
    "CircuitResponse",
    "CircuitType",
    "CnsLoad",
    "CreateCircuitCircuitRequest",
    "CreateCircuitEnvelopeCircuitResponse",
    "CreateMovementEnvelopeMovementResponse",
    "CreateMovementMovementCreateRequest",
    "CreateProgramEnvelopeProgramResponse",
    "CreateProgramProgramCreateRequest",
    "CreateTwoFactorEnrolmentEnvelopeTwoFactorEnrolmentResponse",
    "CreateTwoFactorEnrolmentTwoFactorEnrolmentRequest",
    "CreateTwoFactorVerificationEnvelopeTwoFactorEnabledResponse",
    "CreateTwoFactorVerificationTwoFactorCodeRequest",
    "DeleteTwoFactorTwoFactorDisableRequest",
    "DimensionWeights",
    "Discipline",
    "DisciplineWeight",
    "DisciplineWeightResponse",
    "Equipment",
    "ErrorEnvelope",
    "ErrorItem",
    "ErrorItemDetails",
    "ExerciseMovementResponse",
    "ExerciseResponse",
    "ExerciseRole",
    "FilterClause",
    "GetCircuitEnvelopeCircuitResponse",
    "GetLivenessEnvelopeLivenessResponse",
    "GetMeEnvelopeUserResponse",
    "GetMovementEnvelopeMovementResponse",
    "GetProgramEnvelopeProgramResponse",
    "GetReadinessEnvelopeReadinessResponse",
    "GetScoringConfigEnvelopeScoringConfigResponse",
    "GetSessionEnvelopeSessionDetailResponse",
    "GetTwoFactorEnvelopeTwoFactorStatusResponse",
    "GetWorkoutLogEnvelopeWorkoutLogResponse",
    "Goal",
    "GoalWeight",
    "GoalWeightResponse",
    "ListAuditEventsEnvelopePageAuditEventResponse",
    "ListCircuitsEnvelopePageCircuitResponse",
    "ListMicrocyclesEnvelopePageMicrocycleResponse",
    "ListMovementsEnvelopePageMovementResponse",
    "ListMySessionsEnvelopePageSessionResponse",
    "ListProgramsEnvelopePageProgramResponse",
    "ListScoringConfigVersionsEnvelopePageScoringConfigResponse",
    "ListSessionsEnvelopePageSessionResponse",
    "ListUsersEnvelopePageAdminUserResponse",
    "ListWorkoutLogsEnvelopePageWorkoutLogResponse",
    "LivenessResponse",
    "LoginEnvelopeTokenResponse",
    "LoginLoginRequest",
    "LogoutLogoutRequest",
    "LogWorkoutEnvelopeWorkoutLogResponse",
    "LogWorkoutWorkoutLogRequest",
    "Meta",
    "MetricType",
    "MicrocycleResponse",
    "MicrocycleStatus",
    "MovementPattern",
    "MovementResponse",
    "PageAdminUserResponse",
    "PageAdminUserResponseFiltersApplied",
    "PageAuditEventResponse",
    "PageAuditEventResponseFiltersApplied",
    "PageCircuitResponse",
    "PageCircuitResponseFiltersApplied",
    "PageMicrocycleResponse",
    "PageMicrocycleResponseFiltersApplied",
    "PageMovementResponse",
    "PageMovementResponseFiltersApplied",
    "PageProgramResponse",
    "PageProgramResponseFiltersApplied",
    "PageScoringConfigResponse",
    "PageScoringConfigResponseFiltersApplied",
    "PageSessionResponse",
    "PageSessionResponseFiltersApplied",
    "PageWorkoutLogResponse",
    "PageWorkoutLogResponseFiltersApplied",
    "PrimaryMuscle",
    "ProgramResponse",
    "ProgressionStyle",
    "PutScoringConfigEnvelopeScoringConfigResponse",
    "PutScoringConfigScoringConfigRequest",
    "QueryCircuitsEnvelopePageCircuitResponse",
    "QueryCircuitsStructuredQueryRequest",
    "QueryMovementsEnvelopePageMovementResponse",
    "QueryMovementsStructuredQueryRequest",
    "ReadinessResponse",
    "ReadinessResponseChecks",
    "RefreshEnvelopeTokenResponse",
    "RefreshRefreshRequest",
    "RegisterEnvelopeUserResponse",
    "RegisterRegisterRequest",
    "ReplaceCircuitCircuitRequest",
    "ReplaceCircuitEnvelopeCircuitResponse",
    "Role",
    "ScoringConfigResponse",
    "SessionDetailResponse",
    "SessionResponse",
    "SessionStatus",
    "SessionType",
    "SetRepRange",
    "SetRepRanges",
    "SkillLevel",
    "SortClause",
    "SortClauseOrder",
    "SplitTemplate",
    "TokenResponse",
    "TopSetRequest",
    "TopSetResponse",
    "TwoFactorEnabledResponse",
    "TwoFactorEnrolmentResponse",
    "TwoFactorStatusResponse",
    "UpdateCircuitCircuitPatchRequest",
    "UpdateCircuitEnvelopeCircuitResponse",
    "UpdateMeEnvelopeUserResponse",
    "UpdateMeUpdateMeRequest",
    "UpdateMovementEnvelopeMovementResponse",
    "UpdateMovementMovementUpdateRequest",
    "UpdateProgramEnvelopeProgramResponse",
    "UpdateProgramProgramUpdateRequest",
    "UpdateSessionEnvelopeSessionDetailResponse",
    "UpdateSessionSessionUpdateRequest",
    "UpdateUserAdminUserUpdateRequest",
    "UpdateUserEnvelopeAdminUserResponse",
    "UserResponse",
    "WorkoutLogResponse",
)
