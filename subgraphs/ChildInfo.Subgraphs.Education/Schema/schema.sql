-- Education: a school MIS / school census style database. Written once in T-SQL types; the Kit translates it
-- for PostgreSQL and SQLite takes it as it is. Column names follow the school census (CBDS) where one exists.

-- Schools on the authority's list.
CREATE TABLE SCHOOL (
    URN INT NOT NULL PRIMARY KEY,
    LAEstab NVARCHAR(7) NOT NULL,
    SchoolName NVARCHAR(120) NOT NULL,
    Phase NVARCHAR(20) NOT NULL,
    Postcode NVARCHAR(8) NULL
);

-- One row per pupil, as the census holds them. Y/N flags are CHAR(1).
CREATE TABLE PUPIL (
    UPN NVARCHAR(13) NOT NULL PRIMARY KEY,
    FormerUPN NVARCHAR(13) NULL,
    Surname NVARCHAR(60) NOT NULL,
    Forename NVARCHAR(60) NOT NULL,
    MiddleNames NVARCHAR(60) NULL,
    PreferredSurname NVARCHAR(60) NULL,
    FormerSurname NVARCHAR(60) NULL,
    Sex CHAR(1) NOT NULL,
    DOB DATE NOT NULL,
    Ethnicity NVARCHAR(4) NULL,
    Language NVARCHAR(3) NULL,
    FSMeligible CHAR(1) NOT NULL,
    EVERFSM_6 CHAR(1) NOT NULL,
    NCyearActual NVARCHAR(2) NULL,
    ServiceChild CHAR(1) NOT NULL,
    SENprovision CHAR(1) NOT NULL,
    Postcode NVARCHAR(8) NULL
);

-- Spells on a school's roll: C single registration, M main and S subsidiary dual registration.
CREATE TABLE PUPIL_ENROLMENT (
    EnrolmentId NVARCHAR(20) NOT NULL PRIMARY KEY,
    UPN NVARCHAR(13) NOT NULL,
    URN INT NOT NULL,
    EntryDate DATE NOT NULL,
    LeavingDate DATE NULL,
    EnrolStatus CHAR(1) NOT NULL
);
CREATE INDEX IX_PUPIL_ENROLMENT_UPN ON PUPIL_ENROLMENT (UPN);
CREATE INDEX IX_PUPIL_ENROLMENT_URN ON PUPIL_ENROLMENT (URN, LeavingDate);

-- Termly attendance, one term in arrears. Sessions are AM/PM halves; approved educational activity
-- (K V P W B D) counts as attendance, not absence. Codes per SI 2024/208 regulation 10.
CREATE TABLE PUPIL_ATTENDANCE (
    UPN NVARCHAR(13) NOT NULL,
    AcademicYear NVARCHAR(7) NOT NULL,
    Term NVARCHAR(3) NOT NULL,
    TermStart DATE NOT NULL,
    URN INT NOT NULL,
    SessionsPossible INT NOT NULL,
    SessionsPresent INT NOT NULL,
    SessionsApprovedActivity INT NOT NULL,
    SessionsAuthorisedAbsence INT NOT NULL,
    SessionsUnauthorisedAbsence INT NOT NULL,
    PRIMARY KEY (UPN, AcademicYear, Term)
);

-- Sessions recorded under each absence code in a term.
CREATE TABLE PUPIL_ATTENDANCE_CODE (
    UPN NVARCHAR(13) NOT NULL,
    AcademicYear NVARCHAR(7) NOT NULL,
    Term NVARCHAR(3) NOT NULL,
    AttendanceCode NVARCHAR(2) NOT NULL,
    Sessions INT NOT NULL,
    PRIMARY KEY (UPN, AcademicYear, Term, AttendanceCode)
);

-- Suspensions and permanent exclusions, with up to three reasons.
CREATE TABLE PUPIL_EXCLUSION (
    ExclusionId NVARCHAR(20) NOT NULL PRIMARY KEY,
    UPN NVARCHAR(13) NOT NULL,
    URN INT NOT NULL,
    StartDate DATE NOT NULL,
    Category NVARCHAR(10) NOT NULL,
    Sessions INT NOT NULL,
    Reason1 NVARCHAR(2) NOT NULL,
    Reason2 NVARCHAR(2) NULL,
    Reason3 NVARCHAR(2) NULL
);
CREATE INDEX IX_PUPIL_EXCLUSION_UPN ON PUPIL_EXCLUSION (UPN);

-- Ranked SEN types: 1 primary, 2 secondary.
CREATE TABLE PUPIL_SEN_TYPE (
    UPN NVARCHAR(13) NOT NULL,
    SENtypeRanking INT NOT NULL,
    SENtype NVARCHAR(4) NOT NULL,
    PRIMARY KEY (UPN, SENtypeRanking)
);

-- Free school meal eligibility periods.
CREATE TABLE PUPIL_FSM (
    UPN NVARCHAR(13) NOT NULL,
    FSMStartDate DATE NOT NULL,
    FSMEndDate DATE NULL,
    PRIMARY KEY (UPN, FSMStartDate)
);

-- Pupil voice: what the pupil said at school council, in learning mentor conversations, in pupil surveys.
CREATE TABLE PUPIL_VOICE (
    VoiceId NVARCHAR(24) NOT NULL PRIMARY KEY,
    UPN NVARCHAR(13) NOT NULL,
    RecordedOn DATE NOT NULL,
    Words NVARCHAR(400) NOT NULL,
    WishesAndFeelings NVARCHAR(400) NULL,
    RecordedBy NVARCHAR(80) NOT NULL,
    Setting NVARCHAR(60) NOT NULL,
    Method NVARCHAR(40) NULL
);
CREATE INDEX IX_PUPIL_VOICE_UPN ON PUPIL_VOICE (UPN);

-- The pupil's and family's wishes about how the school's information about them is used.
CREATE TABLE PUPIL_DATA_PREFERENCE (
    PreferenceId NVARCHAR(24) NOT NULL PRIMARY KEY,
    UPN NVARCHAR(13) NOT NULL,
    Code NVARCHAR(30) NOT NULL,
    DataCategory NVARCHAR(12) NOT NULL,
    WithheldFromPurposes NVARCHAR(200) NOT NULL,
    WithheldFromAgencies NVARCHAR(200) NOT NULL,
    ExpressedBy NVARCHAR(6) NOT NULL,
    Statement NVARCHAR(400) NOT NULL,
    RecordedOn DATE NOT NULL,
    RecordedBy NVARCHAR(80) NOT NULL
);
CREATE INDEX IX_PUPIL_DATA_PREFERENCE_UPN ON PUPIL_DATA_PREFERENCE (UPN);
