namespace Trama.Web.Features.Projects;

public enum AssessmentParticipantRole
{
    Person,
    Psychiatrist,
    Psychologist,
    Nurse,
    SocialWorker,
    Educator,
    CooperativeOperator,
    PeerSupportExpert,
    FamilyMember,
    LegalRepresentative,
    Other,
}

/// Who sat at the multidimensional assessment (UVM) meeting, and in which role.
public class AssessmentParticipant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; set; }

    public required string Name { get; set; }

    public AssessmentParticipantRole Role { get; set; }

    public string? Organisation { get; set; }

    public int SortOrder { get; set; }
}
