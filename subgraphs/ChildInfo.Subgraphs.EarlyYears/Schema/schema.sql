-- Early years: the early years census, funded entitlements, the EYFS profile and health visiting reviews.
-- Written once in T-SQL types; the Kit translates it for PostgreSQL and SQLite takes it as it is.

-- Early years settings: nurseries, pre-schools, childminders, school nursery classes.
CREATE TABLE EY_SETTING (
    URN INT NOT NULL PRIMARY KEY,
    SettingName NVARCHAR(120) NOT NULL,
    SettingType NVARCHAR(30) NOT NULL,
    Postcode NVARCHAR(8) NULL
);

-- The early years system's own child record. The NHS number is held where the family gave it.
CREATE TABLE EY_CHILD (
    EYChildId NVARCHAR(20) NOT NULL PRIMARY KEY,
    NHSNumber NVARCHAR(10) NULL,
    Surname NVARCHAR(60) NOT NULL,
    Forename NVARCHAR(60) NOT NULL,
    MiddleNames NVARCHAR(60) NULL,
    Sex CHAR(1) NOT NULL,
    DOB DATE NOT NULL,
    Ethnicity NVARCHAR(4) NULL,
    Language NVARCHAR(3) NULL,
    Postcode NVARCHAR(8) NULL
);

-- Spells at a setting.
CREATE TABLE EY_CHILD_SETTING (
    EYChildId NVARCHAR(20) NOT NULL,
    URN INT NOT NULL,
    StartDate DATE NOT NULL,
    LeavingDate DATE NULL,
    PRIMARY KEY (EYChildId, URN, StartDate)
);
CREATE INDEX IX_EY_CHILD_SETTING_URN ON EY_CHILD_SETTING (URN, LeavingDate);

-- Funded entitlement per term, as the early years census returns it. FundedHours: universal 15 hours for three
-- and four year olds, or disadvantaged two-year-old hours; ExtendedHours: working-parent "30 hours";
-- ExpandedHours: working-parent hours from 9 months to under 3. EligibilityCode (N00202) for Extended and
-- Expanded hours; TwoYearOldBasis (N00178) a comma list of ECO, HSD, LAA.
CREATE TABLE EY_FUNDING (
    EYChildId NVARCHAR(20) NOT NULL,
    AcademicYear NVARCHAR(7) NOT NULL,
    Term NVARCHAR(3) NOT NULL,
    TermStart DATE NOT NULL,
    URN INT NOT NULL,
    FundedHours DECIMAL(4,1) NOT NULL,
    ExtendedHours DECIMAL(4,1) NOT NULL,
    ExpandedHours DECIMAL(4,1) NOT NULL,
    EligibilityCode NVARCHAR(11) NULL,
    TwoYearOldBasis NVARCHAR(11) NULL,
    EYPPR CHAR(1) NOT NULL,
    DAFIndicator CHAR(1) NOT NULL,
    PRIMARY KEY (EYChildId, AcademicYear, Term, URN)
);

-- EYFS profile at the end of reception: 17 early learning goals, 1 emerging, 2 expected.
CREATE TABLE EYFSP (
    EYChildId NVARCHAR(20) NOT NULL,
    AssessmentYear NVARCHAR(7) NOT NULL,
    URN INT NOT NULL,
    FSP_COM_E01 INT NOT NULL,
    FSP_COM_E02 INT NOT NULL,
    FSP_PSE_E03 INT NOT NULL,
    FSP_PSE_E04 INT NOT NULL,
    FSP_PSE_E05 INT NOT NULL,
    FSP_PHY_E06 INT NOT NULL,
    FSP_PHY_E07 INT NOT NULL,
    FSP_LIT_E08 INT NOT NULL,
    FSP_LIT_E09 INT NOT NULL,
    FSP_LIT_E10 INT NOT NULL,
    FSP_MAT_E11 INT NOT NULL,
    FSP_MAT_E12 INT NOT NULL,
    FSP_UTW_E13 INT NOT NULL,
    FSP_UTW_E14 INT NOT NULL,
    FSP_UTW_E15 INT NOT NULL,
    FSP_EXP_E16 INT NOT NULL,
    FSP_EXP_E17 INT NOT NULL,
    PRIMARY KEY (EYChildId, AssessmentYear)
);

-- Health visiting mandated reviews: ANTENATAL, NEW_BIRTH, SIX_TO_EIGHT_WEEKS, TWELVE_MONTHS, TWO_YEARS.
-- ASQ-3 at the 2 to 2.5 year review: a score (0-60) and the zone the practitioner recorded for each of the five
-- domains: A above the cut-off, M monitoring zone, B below the cut-off.
CREATE TABLE HV_REVIEW (
    ReviewId NVARCHAR(20) NOT NULL PRIMARY KEY,
    EYChildId NVARCHAR(20) NOT NULL,
    ReviewType NVARCHAR(20) NOT NULL,
    ReviewDate DATE NOT NULL,
    Practitioner NVARCHAR(80) NOT NULL,
    Venue NVARCHAR(30) NOT NULL,
    ASQ3_Months INT NULL,
    ASQ3_COM_Score INT NULL,
    ASQ3_COM_Zone CHAR(1) NULL,
    ASQ3_GM_Score INT NULL,
    ASQ3_GM_Zone CHAR(1) NULL,
    ASQ3_FM_Score INT NULL,
    ASQ3_FM_Zone CHAR(1) NULL,
    ASQ3_PS_Score INT NULL,
    ASQ3_PS_Zone CHAR(1) NULL,
    ASQ3_PSE_Score INT NULL,
    ASQ3_PSE_Zone CHAR(1) NULL
);
CREATE INDEX IX_HV_REVIEW_CHILD ON HV_REVIEW (EYChildId);

-- What the child showed or said: key person observations in the child's words, drawings described.
CREATE TABLE EY_VOICE (
    VoiceId NVARCHAR(24) NOT NULL PRIMARY KEY,
    EYChildId NVARCHAR(20) NOT NULL,
    RecordedOn DATE NOT NULL,
    Words NVARCHAR(400) NOT NULL,
    WishesAndFeelings NVARCHAR(400) NULL,
    RecordedBy NVARCHAR(80) NOT NULL,
    Setting NVARCHAR(60) NOT NULL,
    Method NVARCHAR(40) NULL
);
CREATE INDEX IX_EY_VOICE_CHILD ON EY_VOICE (EYChildId);

-- The family's (and, as they grow, the child's) wishes about how this information is used.
CREATE TABLE EY_DATA_PREFERENCE (
    PreferenceId NVARCHAR(24) NOT NULL PRIMARY KEY,
    EYChildId NVARCHAR(20) NOT NULL,
    Code NVARCHAR(30) NOT NULL,
    DataCategory NVARCHAR(12) NOT NULL,
    WithheldFromPurposes NVARCHAR(200) NOT NULL,
    WithheldFromAgencies NVARCHAR(200) NOT NULL,
    ExpressedBy NVARCHAR(6) NOT NULL,
    Statement NVARCHAR(400) NOT NULL,
    RecordedOn DATE NOT NULL,
    RecordedBy NVARCHAR(80) NOT NULL
);
CREATE INDEX IX_EY_DATA_PREFERENCE_CHILD ON EY_DATA_PREFERENCE (EYChildId);
