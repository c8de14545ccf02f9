using ChildInfo.Gateway.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChildInfo.Web.Tests;

/// <summary>
/// The README's walk-through in a browser: each demo person signs in, declares a purpose and looks at the demo
/// children; every page is checked with axe and photographed.
/// </summary>
public sealed class PractitionerJourneyTests(DemoGateway gateway, Browser browser)
{
    private static readonly string[] InternalCodes =
        ["LABEL_DENIED", "LABEL_NOT_VISIBLE", "LINK_NOT_ALLOWED", "OUTSIDE_SCOPE", "PREFERENCE_WITHHELD", "NOT_WITH_", "school_dsl", "social_worker", "education_welfare", "child_protection", "own_caseload"];

    private async Task<IPage> SignInAsync(IBrowserContext context, string name)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(gateway.Url("/").ToString());
        Assert.EndsWith("/sign-in", page.Url, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in as " + name }).ClickAsync();
        return page;
    }

    private static async Task DeclareAsync(IPage page, string purpose, string? justification, bool breakGlass = false)
    {
        if (!page.Url.EndsWith("/purpose", StringComparison.Ordinal))
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Change purpose" }).ClickAsync();
        }

        await page.GetByLabel(purpose, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Reason or case reference").FillAsync(justification ?? "");
        if (breakGlass)
        {
            await page.GetByLabel("Use emergency access for the next 60 minutes").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    private static async Task<string> MainTextAsync(IPage page) => await page.Locator("main").InnerTextAsync();

    private static void AssertNoInternalCodes(string text)
    {
        foreach (var code in InternalCodes)
        {
            Assert.DoesNotContain(code, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_sign_in_page_offers_each_demo_person()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(gateway.Url("/").ToString());
        Assert.EndsWith("/sign-in", page.Url, StringComparison.Ordinal);
        foreach (var name in new[] { "Daniel Scott", "Priya Patel", "Sam Reid", "Grace Adeyemi", "Omar Khan", "Helen Morgan" })
        {
            Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "Sign in as " + name }).CountAsync());
        }

        await Browser.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "01-sign-in");
    }

    [Fact]
    public async Task A_social_worker_declares_child_protection_finds_the_child_and_sees_their_own_words_first()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, "Daniel Scott");

        // Only the role's purposes, each with its legal basis.
        Assert.EndsWith("/purpose", page.Url, StringComparison.Ordinal);
        var purposes = await page.GetByRole(AriaRole.Radio).CountAsync();
        Assert.Equal(2, purposes);
        Assert.Contains("Children Act 1989 s47", await MainTextAsync(page), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByLabel("Education welfare", new() { Exact = true }).CountAsync());
        await Browser.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "02-purpose");

        // Child protection needs a reason.
        await DeclareAsync(page, "Child protection", null);
        Assert.Contains("Give a reason or case reference for child protection", await page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Browser.AssertAccessibleAsync(page);
        await DeclareAsync(page, "Child protection", "S47 enquiry CP-2291");
        Assert.EndsWith("/children", page.Url, StringComparison.Ordinal);
        Assert.Contains("S47 enquiry CP-2291", await page.Locator(".purpose-bar").InnerTextAsync(), StringComparison.Ordinal);

        // A surname alone says why it found nothing; with a first name the child is found.
        await page.GetByLabel("Surname").FillAsync("Stevens");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        Assert.Contains("A surname on its own is shared by too many children", await MainTextAsync(page), StringComparison.Ordinal);
        await page.GetByLabel("First name").FillAsync("Katie");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        Assert.Equal("1 child found", await page.Locator("#results").InnerTextAsync());
        await Browser.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "03-find-a-child");

        await page.GetByRole(AriaRole.Link, new() { Name = "Katie Rosie Stevens" }).ClickAsync();
        Assert.Equal("Katie Rosie Stevens", await page.Locator("h1").InnerTextAsync());
        var sections = await page.Locator("main h2").AllInnerTextsAsync();
        Assert.Equal(["In Katie's own words", "Katie's wishes about their information", "School and education", "Early years", "Children's social care", "Voluntary and community organisations"], sections);
        var text = await MainTextAsync(page);
        Assert.Contains("I just want people to listen.", text, StringComparison.Ordinal);
        Assert.Contains("Emotional abuse", text, StringComparison.Ordinal);
        Assert.Contains("Mentioned finding lessons hard to concentrate in.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Not shown to you", text, StringComparison.Ordinal);
        AssertNoInternalCodes(text);
        await Browser.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "04-child-social-worker");
    }

    [Fact]
    public async Task A_school_safeguarding_lead_sees_the_school_record_and_why_the_rest_was_withheld()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, "Priya Patel");
        Assert.Equal(1, await page.GetByRole(AriaRole.Radio).CountAsync());
        await DeclareAsync(page, "Education welfare", null);
        await page.GotoAsync(gateway.Url("/children/CH-DMAVZGB4").ToString());

        var text = await MainTextAsync(page);
        Assert.Contains("Northam Grange School", text, StringComparison.Ordinal);
        Assert.Contains("Child protection plan open\tYes", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Emotional abuse", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Mentioned finding lessons hard to concentrate in.", text, StringComparison.Ordinal);
        Assert.Contains("Child protection plans. The rules for improving school attendance and supporting pupils at risk of missing education do not allow sharing section 47 enquiries, conferences, child protection plans and category of abuse with your role.", text, StringComparison.Ordinal);
        Assert.Contains("Records held by voluntary and community organisations. Nothing from voluntary and community organisations is joined to this view", text, StringComparison.Ordinal);
        Assert.Contains("What the child said to children's social care.", text, StringComparison.Ordinal);
        AssertNoInternalCodes(text);
        await Browser.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "05-child-school-dsl");
    }

    [Fact]
    public async Task An_early_help_worker_needs_a_case_reference_and_is_told_why_a_child_is_not_shown()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, "Sam Reid");
        await DeclareAsync(page, "Early help", null);
        Assert.Contains("Give a reason or case reference for early help", await page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await DeclareAsync(page, "Early help", "EH-1187");
        await page.GotoAsync(gateway.Url("/children/CH-DMAVZGB4").ToString());

        var text = await MainTextAsync(page);
        Assert.Contains("This child's information is not shown to you", text, StringComparison.Ordinal);
        Assert.Contains("This child is not on your caseload or your team's, so nothing about them is shown.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Katie", text, StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Turn on emergency access" }).CountAsync());
        AssertNoInternalCodes(text);
        await Browser.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "06-not-shown-early-help");
    }

    [Fact]
    public async Task A_social_worker_breaks_glass_for_a_child_outside_their_caseload_and_the_officer_sees_it_for_review()
    {
        const string Reason = "Police call out of hours, child at A&E, CP-2299";
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, "Daniel Scott");
        await DeclareAsync(page, "Child protection", "S47 enquiry CP-2291");
        await page.GotoAsync(gateway.Url("/children/CH-074413D7").ToString());
        Assert.Contains("This child is not on your caseload or your team's", await MainTextAsync(page), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Turn on emergency access" }).ClickAsync();
        await DeclareAsync(page, "Child protection", Reason, breakGlass: true);
        Assert.Contains("Emergency access (break-glass) is on", await page.Locator(".emergency-banner").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync(gateway.Url("/children/CH-074413D7").ToString());
        Assert.StartsWith("Megan", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await Browser.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "07-break-glass");

        await using var officer = await browser.NewContextAsync();
        var review = await SignInAsync(officer, "Helen Morgan");
        Assert.EndsWith("/review", review.Url, StringComparison.Ordinal);
        var row = review.Locator("tr", new() { HasText = Reason });
        Assert.True(await row.CountAsync() >= 1);
        Assert.Contains("Emergency access", await row.First.InnerTextAsync(), StringComparison.Ordinal);
        await Browser.AssertAccessibleAsync(review);
        await browser.ScreenshotAsync(review, "08-review-queue");
    }

    [Fact]
    public async Task A_team_manager_sees_a_familys_wish_set_aside_for_child_protection_with_the_reason()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, "Grace Adeyemi");
        await DeclareAsync(page, "Child protection", "MASH contact M-4471");
        await page.GotoAsync(gateway.Url("/children/CH-F4P5W0WX").ToString());

        var text = await MainTextAsync(page);
        Assert.Contains("We're managing. I don't want social care getting the group's records.", text, StringComparison.Ordinal);
        Assert.Contains("Set aside for this view", text, StringComparison.Ordinal);
        Assert.Contains("The wish that the groups and services the child goes to held by voluntary and community organisations is not to be shared with children's social care", text, StringComparison.Ordinal);
        Assert.Contains("Legal basis: Children Act 1989 s47", text, StringComparison.Ordinal);
        Assert.Contains("Brackenmoor and District Young Carers", text, StringComparison.Ordinal);
        AssertNoInternalCodes(text);
        await Browser.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "09-wish-set-aside");
    }

    [Fact]
    public async Task A_social_worker_records_a_childs_wish_and_the_school_sees_it_honoured_at_once()
    {
        const string Statement = "I don't want school to know about social care. They treat me differently.";
        try
        {
            await using var worker = await browser.NewContextAsync();
            var page = await SignInAsync(worker, "Daniel Scott");
            await DeclareAsync(page, "Child in need", "CIN review CIN-5521");
            await page.GotoAsync(gateway.Url("/children/CH-DMAVZGB4").ToString());

            // Out of the box, Katie's wish about her youth club is honoured under child in need: her engagements are
            // not shown to her social worker, and the page says why in plain words.
            var honoured = await page.Locator("section", new() { HasText = "Voluntary and community organisations" }).Last.InnerTextAsync();
            Assert.Contains("The child or their family asked voluntary and community organisations for this not to be shared", honoured, StringComparison.Ordinal);
            Assert.Contains("Youth club is mine. I don't want my social worker reading about what I do there.",
                await page.Locator("section[aria-labelledby=wishes-heading]").InnerTextAsync(), StringComparison.Ordinal);
            AssertNoInternalCodes(await MainTextAsync(page));
            await Browser.AssertAccessibleAsync(page);

            await page.GetByRole(AriaRole.Link, new() { Name = "Record a wish about Katie's information" }).ClickAsync();
            Assert.Equal("Record a wish about Katie's information", await page.Locator("h1").InnerTextAsync());
            await Browser.AssertAccessibleAsync(page);
            await browser.ScreenshotAsync(page, "12-record-a-wish");

            // Nothing chosen: each question says what is missing, and nothing is recorded.
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the wish" }).ClickAsync();
            var problems = await page.Locator(".error-summary").InnerTextAsync();
            Assert.Contains("Choose who expressed the wish", problems, StringComparison.Ordinal);
            Assert.Contains("Enter the wish in their words", problems, StringComparison.Ordinal);
            await Browser.AssertAccessibleAsync(page);

            await page.GetByLabel("Katie", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Not to be shared with schools and education services").CheckAsync();
            await page.GetByLabel("Everything children's social care holds about Katie").CheckAsync();
            await page.GetByLabel("The wish in their words").FillAsync(Statement);
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the wish" }).ClickAsync();

            Assert.EndsWith("/children/CH-DMAVZGB4?recorded=wishes", page.Url, StringComparison.Ordinal);
            var recorded = await MainTextAsync(page);
            Assert.Contains("The wish has been recorded", recorded, StringComparison.Ordinal);
            var wishes = await page.Locator("section[aria-labelledby=wishes-heading]").InnerTextAsync();
            Assert.Contains(Statement, wishes, StringComparison.Ordinal);
            Assert.Contains($"Recorded {Format(DateTime.UtcNow)} by Social worker, W0022", wishes, StringComparison.Ordinal);
            AssertNoInternalCodes(recorded);
            await Browser.AssertAccessibleAsync(page);

            // The recording is audited with who, why and which record (Katie's social care id), before it was answered.
            var audit = await gateway.Services.GetRequiredService<GatewayAudit>().Store.ReadAsync(0, 100_000);
            var entry = audit.Last(r => r.OperationText?.Contains("recordDataUseWish", StringComparison.Ordinal) == true && r.User == "W0022");
            Assert.Equal("child_in_need", entry.Purpose);
            Assert.Equal("CIN review CIN-5521", entry.Justification);
            Assert.Contains("\"LA5321653\"", entry.OperationText, StringComparison.Ordinal);

            // The school's next look at Katie honours the wish: social care's record is withheld, with the reason.
            await using var school = await browser.NewContextAsync();
            var dsl = await SignInAsync(school, "Priya Patel");
            await DeclareAsync(dsl, "Education welfare", null);
            await dsl.GotoAsync(gateway.Url("/children/CH-DMAVZGB4").ToString());
            var text = await MainTextAsync(dsl);
            Assert.Contains("Northam Grange School", text, StringComparison.Ordinal);
            Assert.Contains("The child or their family asked children's social care for this not to be shared, and the rules for", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Child protection plan open", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Statement, text, StringComparison.Ordinal);
            AssertNoInternalCodes(text);
            await Browser.AssertAccessibleAsync(dsl);
            await browser.ScreenshotAsync(dsl, "13-wish-honoured");

            // A MASH screening reads any child, but records for none: no offer to record.
            await using var mash = await browser.NewContextAsync();
            var manager = await SignInAsync(mash, "Grace Adeyemi");
            await DeclareAsync(manager, "Child protection", "MASH contact M-4471");
            await manager.GotoAsync(gateway.Url("/children/CH-DMAVZGB4").ToString());
            Assert.Equal("Katie Rosie Stevens", await manager.Locator("h1").InnerTextAsync());
            Assert.Equal(0, await manager.GetByRole(AriaRole.Link, new() { Name = "Record a wish about Katie's information" }).CountAsync());
        }
        finally
        {
            // Katie's record is the walk-through's: the wish goes again, so the other journeys see her as the README does.
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(gateway.DataDirectory, "social-care.db")}");
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM cms_data_use_preference WHERE dupr_statement = $statement";
            delete.Parameters.AddWithValue("$statement", Statement);
            await delete.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task A_school_safeguarding_lead_records_a_wish_in_the_pupil_record_through_the_school()
    {
        const string Statement = "Please don't use my school records for research.";
        try
        {
            await using var school = await browser.NewContextAsync();
            var page = await SignInAsync(school, "Priya Patel");
            await DeclareAsync(page, "Education welfare", null);
            await page.GotoAsync(gateway.Url("/children/CH-DMAVZGB4").ToString());
            // The school records wishes in its own record; it does not see what children say, so it does not record that.
            Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Record what Katie said" }).CountAsync());
            await page.GetByRole(AriaRole.Link, new() { Name = "Record a wish about Katie's information" }).ClickAsync();
            var form = await MainTextAsync(page);
            Assert.Contains("recorded on Katie's record with schools and education services", form, StringComparison.Ordinal);
            Assert.Contains("Not to be shared with children's social care", form, StringComparison.Ordinal);
            Assert.DoesNotContain("Not to be shared with schools and education services", form, StringComparison.Ordinal);
            await Browser.AssertAccessibleAsync(page);

            await page.GetByLabel("Katie", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Not to be used for research").CheckAsync();
            await page.GetByLabel("Everything schools and education services holds about Katie").CheckAsync();
            await page.GetByLabel("The wish in their words").FillAsync(Statement);
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the wish" }).ClickAsync();

            Assert.EndsWith("/children/CH-DMAVZGB4?recorded=wishes", page.Url, StringComparison.Ordinal);
            var text = await MainTextAsync(page);
            Assert.Contains("It is on Katie's record with schools and education services", text, StringComparison.Ordinal);
            var wishes = await page.Locator("section[aria-labelledby=wishes-heading]").InnerTextAsync();
            Assert.Contains(Statement, wishes, StringComparison.Ordinal);
            Assert.Contains("by School dsl, dsl.patel", wishes, StringComparison.Ordinal);
            AssertNoInternalCodes(text);
            await Browser.AssertAccessibleAsync(page);

            // The audit names Katie, from the child index's link to the pupil record, as written by the school.
            var audit = await gateway.Services.GetRequiredService<GatewayAudit>().Store.ReadAsync(0, 100_000);
            var entry = audit.Last(r => r.OperationText?.Contains("recordPupilDataUseWish", StringComparison.Ordinal) == true && r.User == "dsl.patel");
            Assert.Equal(["CH-DMAVZGB4"], entry.ChildIds);
            Assert.Contains(Assert.Single(entry.Payload!.Children).Recorded, f => f.Field == "Mutation.recordPupilDataUseWish" && f.Source == "education" && f.Written);

            // Katie's access report lists it as a recording, in words.
            await using var officer = await browser.NewContextAsync();
            var report = await SignInAsync(officer, "Helen Morgan");
            await report.GotoAsync(gateway.Url("/access-report?child=CH-DMAVZGB4").ToString());
            var recordedTag = report.Locator("span.tag", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Recorded$") });
            var row = await report.Locator("tbody.access", new() { HasText = "dsl.patel" }).Filter(new() { Has = recordedTag }).Last.InnerTextAsync();
            Assert.Contains("From schools and education services", row, StringComparison.Ordinal);
            Assert.DoesNotContain("Shown", row, StringComparison.Ordinal);
            AssertNoInternalCodes(row);
            await Browser.AssertAccessibleAsync(report);
        }
        finally
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(gateway.DataDirectory, "education.db")}");
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM PUPIL_DATA_PREFERENCE WHERE Statement = $statement";
            delete.Parameters.AddWithValue("$statement", Statement);
            await delete.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task A_social_worker_records_what_a_child_said_and_it_comes_first_in_their_own_words()
    {
        // Ama Boateng (CH-4FGYJKEH) is on Daniel Scott's caseload and in no other journey. The page names her as the
        // child index does, which the linkage job wrote from the agencies' records: her school records her as Deborah
        // (her middle name), social care as Ama, and a tie goes to the schools' census, the most checked.
        const string Words = "Mae'r ysgol newydd yn well. I've got a friend called Zoë now.";
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, "Daniel Scott");
        await DeclareAsync(page, "Child in need", "CIN review CIN-5521");
        await page.GotoAsync(gateway.Url("/children/CH-4FGYJKEH").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Record what Deborah said" }).ClickAsync();
        await Browser.AssertAccessibleAsync(page);

        await page.GetByLabel("What they said").FillAsync(Words);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record what they said" }).ClickAsync();
        Assert.Contains("Enter where it was heard", await page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(Words, await page.GetByLabel("What they said").InputValueAsync());
        await Browser.AssertAccessibleAsync(page);

        await page.GetByLabel("Where it was heard").FillAsync("Home visit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record what they said" }).ClickAsync();

        Assert.EndsWith("/children/CH-4FGYJKEH?recorded=voice", page.Url, StringComparison.Ordinal);
        Assert.Contains("What Deborah said has been recorded", await MainTextAsync(page), StringComparison.Ordinal);
        var first = await page.Locator("section[aria-labelledby=voice-heading] figure").First.InnerTextAsync();
        Assert.Contains(Words, first, StringComparison.Ordinal);
        Assert.Contains("recorded by Social worker, W0022 (children's social care) · Home visit", first, StringComparison.Ordinal);
        await Browser.AssertAccessibleAsync(page);
    }

    private static string Format(DateTime day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_analyst_is_told_that_counts_only_show_no_individual_child()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, "Omar Khan");
        await DeclareAsync(page, "Service planning", null);
        await page.GetByLabel("Surname").FillAsync("Stevens");
        await page.GetByLabel("First name").FillAsync("Katie");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var text = await MainTextAsync(page);
        Assert.Contains("uses only counts across many children, so no individual child's details are shown", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1 child found", text, StringComparison.Ordinal);
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_data_protection_officer_reads_who_has_looked_and_others_cannot()
    {
        await using var worker = await browser.NewContextAsync();
        var page = await SignInAsync(worker, "Daniel Scott");
        await DeclareAsync(page, "Child protection", "S47 enquiry CP-2291");
        await page.GotoAsync(gateway.Url("/children/CH-DMAVZGB4").ToString());
        await page.GotoAsync(gateway.Url("/review").ToString());
        Assert.Contains("Only the data protection officer can read this", await MainTextAsync(page), StringComparison.Ordinal);

        await using var officer = await browser.NewContextAsync();
        var report = await SignInAsync(officer, "Helen Morgan");
        await report.GetByRole(AriaRole.Link, new() { Name = "Who has looked at a child's information" }).ClickAsync();
        await report.GetByLabel("Child index reference").FillAsync("CH-DMAVZGB4");
        await report.GetByRole(AriaRole.Button, new() { Name = "Show who has looked" }).ClickAsync();
        var text = await MainTextAsync(report);
        Assert.Contains("Your information was viewed", text, StringComparison.Ordinal);
        var row = report.Locator("tbody.access", new() { HasText = "Reason given: “S47 enquiry CP-2291”" }).First;
        Assert.Contains("W0022", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Shown", await row.InnerTextAsync(), StringComparison.Ordinal);
        // What was shown, one service to a line across the table's width, under the request it belongs to.
        // (Which services depends on which request of the shared demo came first: the shape is what is checked.)
        var services = await row.Locator("tr.access-detail li").AllInnerTextsAsync();
        Assert.NotEmpty(services);
        Assert.All(services, s => Assert.Matches(@"^From [^:]+: .+\.$", s));
        await Browser.AssertAccessibleAsync(report);
        await browser.ScreenshotAsync(report, "10-access-report");
    }

    [Fact]
    public async Task The_GraphQL_explorer_opens_with_the_sessions_headers_and_runs_the_saved_example()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, "Daniel Scott");
        await DeclareAsync(page, "Child protection", "S47 enquiry CP-2291");
        await page.GetByRole(AriaRole.Link, new() { Name = "GraphQL explorer" }).ClickAsync();
        await page.Locator(".graphiql-container").WaitForAsync();
        var config = await page.Locator("#graphiql-config").TextContentAsync();
        Assert.Contains("ChildInfo-Purpose", config, StringComparison.Ordinal);
        Assert.Contains("child_protection", config, StringComparison.Ordinal);

        var response = await page.RunAndWaitForResponseAsync(() => page.Locator(".graphiql-execute-button").ClickAsync(),
            r => r.Url.EndsWith("/graphql", StringComparison.Ordinal) && r.Request.Method == "POST" && r.Request.PostData?.Contains("JoinedUpChild", StringComparison.Ordinal) == true);
        var answer = await response.TextAsync();
        Assert.True(answer.Contains("\"childProtectionPlanActive\":true", StringComparison.Ordinal), $"{response.Status} {response.Request.PostData} -> {answer}");
        await page.Locator(".graphiql-response").GetByText("childProtectionPlanActive").First.WaitForAsync();
        await browser.ScreenshotAsync(page, "11-graphql-explorer");
        // The whole page, GraphiQL's editor included (graphiql-start.js and graphiql-page.css repair its labels,
        // keyboard scrolling, tabs and contrast).
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "FindChild" }).First.ClickAsync();
        Assert.Equal("true", await page.Locator(".graphiql-tab-active .graphiql-tab-button").GetAttributeAsync("aria-current"));
        await Browser.AssertAccessibleAsync(page);
    }
}
