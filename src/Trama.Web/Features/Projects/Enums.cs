namespace Trama.Web.Features.Projects;

public enum Intensity
{
    Low,
    Medium,
    High,
}

public enum ReferralUrgency
{
    Routine,
    Priority,
    Urgent,
}

public enum CareTeamRole
{
    CpsReferent,
    CaseManager,
    KeyWorker,
    SocialWorker,
    PeerSupportExpert,
    NaturalFacilitator,
    FamilyMember,
}

/// The three areas of the 2022 national guidelines on Budget di Salute, which every programme's
/// own life areas map onto for national reporting.
public enum NationalArea
{
    Housing,
    WorkAndTraining,
    SocialLife,
}

public enum ReviewDecision
{
    Continue,
    ChangeIntensity,
    Close,
}

/// Diary entry kinds: the SISM activity-flow categories used by CPS, plus community work.
public enum DiaryEntryType
{
    ClinicalInterview,
    PsychiatricVisit,
    PsychologicalSupport,
    RehabilitationActivity,
    SocialSupportIntervention,
    FamilyMeeting,
    HomeVisit,
    Accompaniment,
    GroupSession,
    PhoneCall,
    TeamMeeting,
    PeerSupportEncounter,
    CommunityActivity,
}

/// Who may read an entry beyond its author: ordinary = the whole team; social = CPS and social
/// workers; clinical = CPS only; peer = the peer expert and the CPS.
public enum Sensitivity
{
    Ordinary,
    Social,
    Clinical,
    Peer,
}
