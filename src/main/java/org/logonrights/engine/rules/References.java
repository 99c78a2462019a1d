package org.logonrights.engine.rules;

import java.net.URI;

/** The public pages rules cite for the mechanisms they check: Microsoft Learn, protocol specifications, KB articles. */
final class References {

    private static final String LEARN = "https://learn.microsoft.com/en-us/";
    private static final String WIN32 = "https://learn.microsoft.com/windows/win32/api/";
    private static final String DESKTOP = LEARN + "windows/desktop/api/";
    private static final String OPEN_SPECS = LEARN + "openspecs/windows_protocols/";
    private static final String POLICY_SETTINGS = LEARN + "windows/security/threat-protection/";
    private static final String PREVIOUS = LEARN + "previous-versions/";
    private static final String IT_PRO = PREVIOUS + "windows/it-pro/";
    private static final String IT_PRO_2012 = "https://docs.microsoft.com/en-us/previous-versions/windows/it-pro/";
    private static final String IIS = LEARN + "iis/";
    private static final String BLOGS = "https://docs.microsoft.com/en-us/archive/blogs/";
    private static final String TECHNET = "https://technet.microsoft.com/en-us/library/";
    private static final String MSDN = "https://msdn.microsoft.com/en-us/library/";
    private static final String XP = "https://www.microsoft.com/resources/documentation/windows/xp/all/proddocs/en-us/";
    private static final String COMMANDS = "https://learn.microsoft.com/windows-server/administration/windows-commands/";

    static final URI ACCOUNT_RIGHTS_CONSTANTS = URI.create(LEARN + "windows/win32/SecAuthZ/account-rights-constants");
    static final URI LOGON_USER = URI.create(WIN32 + "winbase/nf-winbase-logonuserw");
    static final URI LOGON_USER_EX_EX = URI.create(LEARN + "windows/win32/secauthn/logonuserexexw");
    static final URI LSA_LOGON_USER = URI.create(WIN32 + "ntsecapi/nf-ntsecapi-lsalogonuser");
    static final URI LSA_ENUMERATE_ACCOUNTS_WITH_USER_RIGHT = URI.create(WIN32 + "ntsecapi/nf-ntsecapi-lsaenumerateaccountswithuserright");
    static final URI AUTHZ_INITIALIZE_CONTEXT_FROM_SID = URI.create(DESKTOP + "authz/nf-authz-authzinitializecontextfromsid");
    static final URI NET_USER_GET_LOCAL_GROUPS = URI.create(DESKTOP + "lmaccess/nf-lmaccess-netusergetlocalgroups");
    /** MS-LSAD 2.2.1.2 POLICY_SYSTEM_ACCESS_MODE: a deny right supersedes its allow right. */
    static final URI MS_LSAD_SYSTEM_ACCESS_MODE = URI.create(OPEN_SPECS + "ms-lsad/ba5a83c1-0ffe-4a81-9e91-5739274c03db");
    /** MS-GPSB 2.2.6 Privilege Rights: how a security template assigns a right. */
    static final URI MS_GPSB_PRIVILEGE_RIGHTS = URI.create(OPEN_SPECS + "ms-gpsb/3413b381-a445-4d17-b77e-5bbfadda253b");
    /** MS-LSAT: service SIDs, the construction pool SIDs follow. */
    static final URI MS_LSAT_SERVICE_SIDS = URI.create(OPEN_SPECS + "ms-lsat/252cb6b0-2edc-4403-9d75-5b2786ba859e");
    /** MS-GPAC MaxNoGPOListChangesInterval: security settings are re-applied without GPO changes. */
    /** MS-GPSB 1.9: the Security extension's GUID, under which the registry records the GPOs it applied. */
    static final URI MS_GPSB_SECURITY_EXTENSION = URI.create(OPEN_SPECS + "ms-gpsb/55bb803e-b35f-4ce8-b558-4c1e92ad77a4");
    /** MS-RRP, the remote registry protocol on \\pipe\\winreg. */
    static final URI MS_RSP_WINREG_PIPE = URI.create(OPEN_SPECS + "ms-rsp/6dfeb978-7a02-4826-b537-a1760fbf8074");
    static final URI MS_GPAC_MAX_NO_GPO_LIST_CHANGES = URI.create(OPEN_SPECS + "ms-gpac/97772c52-bce3-4280-a192-fe25d30f21c2");
    /** KB 981949: the rights IIS assigns (the pool SIDs, IIS_IUSRS). */
    static final URI KB981949_IIS_USER_RIGHTS = URI.create(LEARN + "troubleshoot/developer/webapps/iis/"
            + "www-administration-management/default-permissions-user-rights");
    static final URI LOG_ON_AS_A_SERVICE = URI.create(POLICY_SETTINGS + "security-policy-settings/log-on-as-a-service");
    static final URI LOG_ON_AS_A_SERVICE_2012 = URI.create(IT_PRO_2012 + "windows-server-2012-R2-and-2012/dn221981(v=ws.11)");
    static final URI DENY_LOG_ON_AS_A_BATCH_JOB = URI.create(IT_PRO + "windows-server-2012-r2-and-2012/dn221958(v=ws.11)");
    /** "Allow a set, deny a subset". */
    static final URI ALLOW_A_SET_DENY_A_SUBSET = URI.create(TECHNET + "cc976701.aspx");
    /** Built-in service accounts' right to log on as a service (Windows XP documentation). */
    static final URI BUILT_IN_SERVICE_ACCOUNTS_LOGON_RIGHTS = URI.create(XP + "sag_seconceptsunlogrights.mspx");
    static final URI EVENT_4625 = URI.create(POLICY_SETTINGS + "auditing/event-4625");
    static final URI WAS_EVENTS = URI.create(IT_PRO + "windows-server-2008-R2-and-2008/cc735151(v=ws.10)");
    static final URI PROCESS_MODEL = URI.create(IIS + "configuration/system.applicationhost/applicationpools/add/processmodel");
    /** The processModel settings schema: identityType, userName, logonType. */
    static final URI PROCESS_MODEL_SCHEMA = URI.create(PREVIOUS + "iis/settings-schema/bb386459(v=vs.90)");
    /** The processModel settings schema: manualGroupMembership. */
    static final URI PROCESS_MODEL_GROUP_MEMBERSHIP = URI.create(PREVIOUS + "iis/settings-schema/ms689446(v=vs.90)");
    static final URI PROCESS_MODEL_WMI = URI.create(LEARN + "IIS/wmi-provider/processmodelsettings-class");
    static final URI PROCESS_MODEL_IDENTITY_TYPE =
            URI.create(LEARN + "dotnet/api/microsoft.web.administration.processmodelidentitytype?view=iis-dotnet");
    static final URI IIS_BUILT_IN_ACCOUNTS =
            URI.create(IIS + "get-started/planning-for-security/understanding-built-in-user-and-group-accounts-in-iis");
    /** Microsoft ASIATech blog: IIS re-adds the pool SID to Log on as a service before each worker launch. */
    static final URI IIS_READDS_POOL_SID = URI.create(BLOGS + "asiatech/how-iis-interferes-in-group-policy-log-on-as-a-service");
    /** Pool SIDs are S-1-5-82-SHA1{App Pool Name}. */
    static final URI POOL_SIDS = URI.create(BLOGS + "tristank/iusr-vs-application-pool-identity-why-use-either");
    /** AppHostSvc derives a unique SID from the pool name (event 9001 on a collision). */
    static final URI POOL_SID_FROM_NAME = URI.create(TECHNET + "dd364255.aspx");
    static final URI GROUP_POLICY_BACKGROUND_REFRESH = URI.create(PREVIOUS + "windows/desktop/policy/background-refresh-of-group-policy");
    static final URI GROUP_POLICY_REFRESH_INTERVAL = URI.create(IT_PRO + "windows-server-2003/cc757597(v=ws.10)");
    /** RSOP_PolicySetting: precedence 1 is the winning GPO. */
    static final URI RSOP_POLICY_SETTING = URI.create(MSDN + "aa375041(VS.85).aspx");
    /** A sibling RSoP class: the namespace and MOF of the user-right settings. */
    static final URI RSOP_SECURITY_SETTINGS_MOF = URI.create(MSDN + "aa375054(v=vs.85).aspx");
    static final URI GPRESULT = URI.create(COMMANDS + "gpresult");

    private References() {
    }
}
