-- Voluntary and community sector case-recording system, shared by several organisations (one database, each
-- row tagged with the organisation that recorded it). Legacy-looking names as such systems have them.
-- Written once in T-SQL types; SqlDialect translates it for PostgreSQL and SQLite takes it as it is.

CREATE TABLE tblOrganisation (
    OrgID NVARCHAR(24) NOT NULL PRIMARY KEY,
    OrgName NVARCHAR(200) NOT NULL,
    CharityNo NVARCHAR(12) NULL,
    OrgPostcode NVARCHAR(8) NULL
);

CREATE TABLE tblOrgService (
    OrgID NVARCHAR(24) NOT NULL,
    ServiceCode NVARCHAR(24) NOT NULL,
    PRIMARY KEY (OrgID, ServiceCode)
);

CREATE TABLE tblParticipant (
    ParticipantID NVARCHAR(24) NOT NULL PRIMARY KEY,
    Forename NVARCHAR(100) NULL,
    MiddleName NVARCHAR(100) NULL,
    Surname NVARCHAR(100) NULL,
    KnownAs NVARCHAR(100) NULL,
    DOB DATE NULL,
    Sex CHAR(1) NULL,
    Postcode NVARCHAR(8) NULL,
    NHSNumber NVARCHAR(10) NULL,
    UPN NVARCHAR(13) NULL,
    RegisteredDate DATE NULL,
    RegisteredByOrgID NVARCHAR(24) NULL
);

CREATE TABLE tblEngagement (
    EngagementID NVARCHAR(24) NOT NULL PRIMARY KEY,
    ParticipantID NVARCHAR(24) NOT NULL,
    OrgID NVARCHAR(24) NOT NULL,
    ServiceCode NVARCHAR(24) NOT NULL,
    StartDate DATE NOT NULL,
    EndDate DATE NULL,
    SessionsOffered INT NULL,
    SessionsAttended INT NULL,
    KeyworkerID NVARCHAR(24) NULL,
    KeyworkerName NVARCHAR(200) NULL,
    ReferralRoute NVARCHAR(24) NULL,
    EndReason NVARCHAR(100) NULL
);
CREATE INDEX ix_tblEngagement_participant ON tblEngagement (ParticipantID);
CREATE INDEX ix_tblEngagement_org ON tblEngagement (OrgID);

CREATE TABLE tblKeyworkerNote (
    NoteID NVARCHAR(24) NOT NULL PRIMARY KEY,
    EngagementID NVARCHAR(24) NOT NULL,
    ParticipantID NVARCHAR(24) NOT NULL,
    NoteDate DATE NOT NULL,
    SessionType NVARCHAR(40) NULL,
    Author NVARCHAR(200) NOT NULL,
    NoteText NVARCHAR(2000) NOT NULL
);
CREATE INDEX ix_tblKeyworkerNote_participant ON tblKeyworkerNote (ParticipantID);

CREATE TABLE tblSDQ (
    SDQID NVARCHAR(24) NOT NULL PRIMARY KEY,
    ParticipantID NVARCHAR(24) NOT NULL,
    CompletedDate DATE NOT NULL,
    Respondent NVARCHAR(8) NOT NULL,
    Emotional INT NOT NULL,
    Conduct INT NOT NULL,
    Hyperactivity INT NOT NULL,
    PeerProblems INT NOT NULL,
    Prosocial INT NOT NULL
);
CREATE INDEX ix_tblSDQ_participant ON tblSDQ (ParticipantID);

CREATE TABLE tblWEMWBS (
    WEMWBSID NVARCHAR(24) NOT NULL PRIMARY KEY,
    ParticipantID NVARCHAR(24) NOT NULL,
    CompletedDate DATE NOT NULL,
    TotalScore INT NOT NULL
);
CREATE INDEX ix_tblWEMWBS_participant ON tblWEMWBS (ParticipantID);

CREATE TABLE tblStarReading (
    ReadingID NVARCHAR(24) NOT NULL PRIMARY KEY,
    ParticipantID NVARCHAR(24) NOT NULL,
    EngagementID NVARCHAR(24) NULL,
    StarName NVARCHAR(40) NOT NULL,
    ScaleName NVARCHAR(60) NOT NULL,
    Score INT NOT NULL,
    ReadingDate DATE NOT NULL,
    ReadingType NVARCHAR(10) NOT NULL
);
CREATE INDEX ix_tblStarReading_participant ON tblStarReading (ParticipantID);

CREATE TABLE tblVoice (
    VoiceID NVARCHAR(24) NOT NULL PRIMARY KEY,
    ParticipantID NVARCHAR(24) NOT NULL,
    RecordedDate DATE NOT NULL,
    Words NVARCHAR(1000) NOT NULL,
    WishesFeelings NVARCHAR(1000) NULL,
    RecordedBy NVARCHAR(200) NOT NULL,
    Setting NVARCHAR(100) NOT NULL,
    Method NVARCHAR(100) NULL
);
CREATE INDEX ix_tblVoice_participant ON tblVoice (ParticipantID);

CREATE TABLE tblDataUsePreference (
    PreferenceID NVARCHAR(24) NOT NULL PRIMARY KEY,
    ParticipantID NVARCHAR(24) NOT NULL,
    PreferenceCode NVARCHAR(48) NOT NULL,
    DataCategory NVARCHAR(24) NOT NULL,
    WithheldPurposes NVARCHAR(300) NULL,
    WithheldAgencies NVARCHAR(300) NULL,
    ExpressedBy NVARCHAR(12) NOT NULL,
    Statement NVARCHAR(1000) NOT NULL,
    RecordedDate DATE NOT NULL,
    RecordedBy NVARCHAR(200) NOT NULL
);
CREATE INDEX ix_tblDataUsePreference_participant ON tblDataUsePreference (ParticipantID);
