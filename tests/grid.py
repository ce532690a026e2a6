"""A behavioural grid for the language rules, in the style of CheckList (Ribeiro et al.,
ACL 2020): templates x fills x placements.

Each blame template names the rule a careful reviewer would cite and whether a system
subject in the agent's place makes it fine. Fills come from many cultures and every
kind of human agent the rules know (names, handles, roles, teams, pronouns); the
neutral templates name the same people doing ordinary work, systems doing damage,
advice about the future, and writing about blame as a practice.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

NAMES = [
    "Mia",
    "Wei",
    "Amir",
    "Ming",
    "Ines",
    "Will",
    "Joy",
    "Grace",
    "Mark",
    "Oluwaseun",
    "Siobhán",
    "Dmitri",
    "Priya",
    "Kenji",
    "Fatima",
    "Zhang Wei",
    "Nguyen",
    "Omar",
    "Tomasz",
    "Aroha",
    "José",
    "Chidi",
    "Anil",
    "Seo-yeon",
    "Zoë",
]
HANDLES = ["@devon", "@k.smith", "alice@", "@sre-oncall"]
ROLES = [
    "The new hire",
    "The on-call engineer",
    "A contractor",
    "The DBA",
    "An SRE",
    "The intern",
    "A technician",
    "The release manager",
    "One admin",
    "An employee",
]
TEAMS = ["The network team", "Ops", "The vendor's staff", "The platform team"]
PRONOUNS = ["He", "She"]
AGENTS = NAMES + HANDLES + ROLES + TEAMS + PRONOUNS
SYSTEMS = [
    "The deploy job",
    "The cron job",
    "The autoscaler",
    "The migration script",
    "The load balancer",
]


def possessive(agent: str) -> str:
    """ "Omar" -> "Omar's", "He" -> "His"."""
    return {"He": "His", "She": "Her"}.get(agent, agent + "'s")


def inner(agent: str) -> str:
    """The agent inside a sentence: "The new hire" -> "the new hire"; names unchanged."""
    first, _, rest = agent.partition(" ")
    if first in ("The", "A", "An", "One", "He", "She", "His", "Her"):
        return (first.lower() + " " + rest).strip()
    return agent


@dataclass(frozen=True)
class Template:
    rule: str  # the rule a reviewer would cite
    text: str  # "{A}" the agent at the start, "{a}" inside, "{P}"/"{p}" its possessive
    system_fine: bool = True  # with a system in the agent's place, nothing is flagged


BLAME = [
    # person-as-cause: outcome verbs, destructive acts, error markers, errors, voices
    Template("person-as-cause", "{A} took down the checkout service."),
    Template("person-as-cause", "{A} broke the deploy pipeline during the maintenance window."),
    Template("person-as-cause", "{A} caused the outage."),
    Template("person-as-cause", "{A} dropped the payments table."),
    Template("person-as-cause", "{A} deleted the production database."),
    Template("person-as-cause", "{A} wiped the backup bucket on Monday."),
    Template("person-as-cause", "{A} accidentally truncated the orders table."),
    Template(
        "person-as-cause", "Prosecutors say {a} erased patient scheduling records before leaving."
    ),
    Template("person-as-cause", "{A} mistakenly disconnected the power supply."),
    Template("person-as-cause", "{A} inadvertently disabled the entire gateway."),
    Template("person-as-cause", "{A} restarted the wrong server."),
    Template("person-as-cause", "{A} mistyped the firewall rule.", system_fine=False),
    Template("person-as-cause", "{A} made a typo in the DNS record."),
    Template("person-as-cause", "{A} pushed a broken config to all regions."),
    Template("person-as-cause", "The outage was caused by {a}."),
    Template("person-as-cause", "The backup bucket was wiped by {a}."),
    Template("person-as-cause", "The outage was caused by {p} config push."),
    Template("person-as-cause", "{P} typo brought down the site."),
    Template("person-as-cause", "The whole incident was {p} fault.", system_fine=False),
    Template("person-as-cause", "{A} was responsible for the outage.", system_fine=False),
    Template("person-as-cause", "The root cause was {a}."),
    Template("person-as-cause", "It was {a} who mistyped the firewall rule.", system_fine=False),
    Template("person-as-cause", "Checkout went down because {a} pushed straight to main."),
    Template("person-as-cause", "The queue backed up for three hours because of {a}."),
    Template("person-as-cause", "{A} ran the cleanup script, causing the outage."),
    Template("person-as-cause", "{A} forgot to run the migration, which caused the outage."),
    Template("person-as-cause", "The outage happened because {a} did not renew the certificate."),
    Template("person-as-cause", "{A} took the whole mail cluster down on Sunday night."),
    Template("person-as-cause", "{A} pushed a flag config that took down signup for an hour."),
    Template("person-as-cause", "The proximate cause was a typo by {a}."),
    Template("person-as-cause", "{P} hotfix is the reason invoices went out twice."),
    Template("person-as-cause", "The bank blamed {a} for Saturday's outage."),
    Template("person-as-cause", "{A} took the authentication service offline with one command."),
    Template("person-as-cause", "{P} purge job took out the thumbnails for every listing."),
    Template("person-as-cause", "The SMS outage was traced back to {a} deleting the sub-account."),
    Template("person-as-cause", "What brought the cluster down was {p} drain script."),
    Template("person-as-cause", "Cause: {a} promoted the build straight to production."),
    Template("person-as-cause", "The incident began when {a} ran a DELETE without a WHERE clause."),
    Template("person-as-cause", "It all started when {a} ran the cleanup script against prod."),
    Template("person-as-cause", "{A} clicked a phishing link, exposing customer data."),
    Template("person-as-cause", "The outage resulted from {a} running the script against prod."),
    Template("person-as-cause", "{A} was the one who broke the build."),
    Template("person-as-cause", "{A} ended up deleting the production database."),
    # a cause label and a person, in notes' shorthand; clefts on a person's thing
    Template("person-as-cause", "Root cause = {a}, ran the wipe on the live bucket."),
    Template("person-as-cause", "Main reason of failure is {a}, restarted all nodes at once."),
    Template("person-as-cause", "It was {p} script that wiped the analytics tables."),
    Template("person-as-cause", "{P} hotfix is what broke checkout."),
    Template("person-as-cause", "The outage was caused by {a} running a maintenance script."),
    Template("person-as-cause", "The breach traces back to a weak password that {a} had set."),
    Template("person-as-cause", "{P} cleanup job emptied the staging bucket."),
    Template("person-as-cause", "Thanks to {p} hotfix, the payment queue backed up for six hours."),
    Template("person-as-cause", "The records system went dark after {a} pushed an update."),
    Template("person-as-cause", "RCA: {a} restarted the SAN controller, all VMs lost storage."),
    Template("person-as-cause", "{A} killed the primary thinking it was the replica."),
    Template("person-as-cause", "{A} rebooted the primary instead of the standby."),
    Template("person-as-cause", "The outage was the work of {a}, who uploaded a corrupted file."),
    Template("person-as-cause", "The outage is attributable to {a}."),
    Template(
        "person-as-cause", "{A} was flooding the queue, and this is why the consumer is dying."
    ),
    # a sequel: the act, then what it did to a system
    Template("person-as-cause", "{A} dropped the index during peak and checkout fell over."),
    Template("person-as-cause", "{A} unplugged the wrong PDU, and that's why rack 14 went dark."),
    Template("person-as-cause", "{A} rebooted the primary mid-backup; that's what corrupted it."),
    Template("person-as-cause", "The regression introduced by {a} in the refactor broke checkout."),
    Template(
        "person-as-cause", "{A} ran the migration twice and duplicated a million invoice rows."
    ),
    Template("person-as-cause", "prod went read-only bc {a} filled the disk with debug dumps"),
    # counterfactual
    Template("counterfactual", "{A} should have checked the dashboard before merging."),
    Template("counterfactual", "{A} should've paged the DBA way earlier."),
    Template("counterfactual", "{A} neglected to mention the schema change."),
    Template("counterfactual", "{A} went ahead without waiting for approval."),
    Template("counterfactual", "{A} failed to escalate the page."),
    Template("counterfactual", "The low-disk alert was ignored by {a} for an hour."),
    Template("people-fix", "{A} to shadow the primary on-call for two rotations."),
    Template("people-fix", "From now on {a} needs approval from me before every deploy."),
    # the minimizer judges whatever it is said of: a job "had only to wait" too
    Template("hindsight", "All {a} had to do was wait for the canary.", system_fine=False),
    Template("person-as-cause", "{A} rebooted the core switch at 11, that's your outage."),
    Template("person-as-cause", "The power loss occurred when {a} tripped the main breaker."),
    Template("counterfactual", "{A} forgot to renew the TLS certificate."),
    Template("counterfactual", "{A} ignored the disk alert for an hour."),
    Template("counterfactual", "{A} did not check the diff before merging."),
    Template("counterfactual", "If {a} had checked the dashboard, we would have caught it."),
    Template("counterfactual", "{A} approved the change without reading the diff."),
    Template("counterfactual", "{A} was expected to review the index change but did not."),
    Template("counterfactual", "{A} was told to drain the node first and did not."),
    Template("counterfactual", "Ideally, {a} would have paused the rollout at once."),
    Template("counterfactual", "{A} shouldn't have run the deploy alone."),
    Template("counterfactual", "{A} needed to have declared a SEV1 by 03:00."),
    # why-you
    Template("people-fix", "Take {a} off the release rotation for a month."),
    Template(
        "counterfactual",
        "{A} neglected to notify the account managers, so customers found out first.",
    ),
    Template("why-you", "Why did {a} skip the canary?"),
    Template("why-you", "Why didn't {a} page the database on-call when lag crossed ten minutes?"),
    Template("why-you", "The review must establish why {a} approved the change."),
    Template("why-you", "ok but why did {a} deploy on a Friday at 6pm?"),
    Template("why-you", "Why {a} did not call the on-call manager when the error appeared?"),
    Template("why-you", "Still no answer on why {a} didn't page the secondary."),
    Template("why-you", "Why didn't {a} roll back sooner?"),
    Template("why-you", "What made {a} think prod was the right place to test this?"),
    Template("why-you", "How come {a} didn't snapshot the database first?"),
    Template("why-you", "What was {a} thinking?"),
    Template("why-you", "Open question: why did {a} flush the whole cache instead of one key?"),
    # people-fix
    Template("people-fix", "Retrain {a} on the deploy process.", system_fine=False),
    Template("people-fix", "Remind {a} to double-check the kube context.", system_fine=False),
    Template("people-fix", "Send {a} to deploy training.", system_fine=False),
    Template("people-fix", "{A} must be more careful with production configs.", system_fine=False),
    Template("people-fix", "Hold {a} accountable for the outage.", system_fine=False),
    Template("people-fix", "{A} is no longer allowed to run migrations alone."),
    Template("people-fix", "Restrict {a} to the staging cluster until further notice."),
    Template("people-fix", "Supervise {a} during the next maintenance window."),
    Template(
        "people-fix", "{A} will attend a refresher course on change management.", system_fine=False
    ),
    Template("people-fix", "{P} production access has been revoked.", system_fine=False),
    Template(
        "people-fix", "The remediation is to coach {a} on the admin console.", system_fine=False
    ),
    # lessons put on one person, talking-tos and sanctions that only people undergo
    Template(
        "people-fix",
        "Action: {a} to read the failover runbook before the next window.",
        system_fine=False,
    ),
    Template(
        "people-fix", "Have {a} shadow a senior for the next two releases.", system_fine=False
    ),
    Template("people-fix", "I had a word with {a} about the weekend deploy.", system_fine=False),
    Template("people-fix", "I spoke to {a} and made my expectations clear.", system_fine=False),
    Template(
        "people-fix", "Told {a} this is the last warning, it's thin ice now.", system_fine=False
    ),
    Template(
        "people-fix",
        "The exchange said it had suspended the trading privileges of {a}.",
        system_fine=False,
    ),
    Template("people-fix", "Tell {a} to stop deploying from a laptop.", system_fine=False),
    Template("people-fix", "{A} retrained on the failover runbook.", system_fine=False),
    # an action item's words put the work on a person, however the parser hung them
    Template(
        "people-fix", "{A} to double-check every DNS change before applying it.", system_fine=False
    ),
    Template(
        "people-fix",
        "Make sure {a} double-checks the replica lag before promoting anything.",
        system_fine=False,
    ),
    # an outcome heading a note, then who did what; an earlier act that explains an outcome
    Template("person-as-cause", "Checkout down — {a} pushed the config to prod during the freeze."),
    Template(
        "person-as-cause",
        "The cluster was already down at 02:00; {a} had drained all three nodes at once.",
    ),
    # an outcome's onset dated from a person's act
    Template("person-as-cause", "The 500s started exactly when {a} merged the pull request."),
    Template(
        "people-fix",
        "What we'll do differently: {a} pays more attention during handoffs.",
        system_fine=False,
    ),
    # damage dated from a person's act, told as a state or with the act first
    Template(
        "person-as-cause",
        "The checkout service was down for an hour after {a} ran the cleanup script.",
    ),
    Template(
        "person-as-cause",
        "After {a} touched the firewall rules, the VPN stopped working for everyone.",
    ),
    # judgmental with a person
    # judgement words blame by themselves: a system in the agent's place is judged too
    Template("judgmental", "{A} made a careless change to the firewall rules.", system_fine=False),
    Template("judgmental", "{A} couldn't be bothered to read the migration.", system_fine=False),
    Template("person-as-cause", "Typo by {a} in the ACL, fixing now."),
    Template("person-as-cause", "{P} terraform apply destroyed the prod bastion."),
    Template("person-as-cause", "{A} is responsible for the 47 minutes of downtime on 3 March."),
    Template("person-as-cause", "{A} torpedoed the launch by running a full-table export at peak."),
    Template("person-as-cause", "- Impact source: {a} (see the 11:05 push)"),
    Template("person-as-cause", "Update: it was {p} cron job that filled the disk."),
    Template(
        "person-as-cause", "{A} ran VACUUM FULL at noon and took the shop down, how do I stop this?"
    ),
    Template("person-as-cause", "Linked cause: deletion of the prod bucket policy by {a}."),
    Template("person-as-cause", "The 502s were on {a}: the TLS cert was for the old domain."),
    Template("person-as-cause", "Spike in 5xx at 14:02 -> {p} feature flag flip."),
    Template(
        "person-as-cause", "the ddos alarm last night = {a} running a scraper against our API"
    ),
    # a tag question asks only for agreement; a label written with the verb
    Template("person-as-cause", "so it was {p} push that broke billing, right?"),
    Template("person-as-cause", "{P} change to the retry policy turned a blip into a full outage."),
    Template("person-as-cause", "{P} config change brought an hour of downtime."),
    Template("person-as-cause", "Caused by: {a} (manual edit of the prod secrets)"),
    Template(
        "person-as-cause", "After {a} ran the cleanup script, half of the DNS records were gone."
    ),
]

# Blame that needs no person: fills do not apply; placements do.
SELF_STANDING = [
    Template("concealed-blame", "NET-77: failover drill results never reviewed"),
    Template("concealed-blame", "Capacity warnings were raised twice and dismissed both times."),
    Template("concealed-blame", "The guidance from the storage vendor was misread."),
    Template("concealed-blame", "Backup job logs went unchecked for months."),
    Template("concealed-blame", "The alarm was ignored, so the disk became full."),
    Template("concealed-blame", "The alerts were there, but they were disregarded."),
    Template(
        "concealed-blame", "The analysis points to a lack of due diligence during onboarding."
    ),
    Template(
        "concealed-blame", "Validation of the input file was not carried out before the load."
    ),
    Template("human-error", "The investigation attributes the outage to human error."),
    Template("human-error", "fat finger on the terraform var, 3 instead of 30"),
    Template("self-blame", "ok i broke it. i'm an idiot. rolling back"),
    Template("concealed-blame", "Ownership of the expiring certificate fell through the cracks."),
    Template("concealed-blame", "The rollback plan was never written, let alone rehearsed."),
    Template("concealed-blame", "Nobody ever looked at the dead-letter queue."),
    Template(
        "concealed-blame",
        "The issue occurred because established procedures were not followed during maintenance.",
    ),
    Template("why-you", "who's the genius that set the TTL to 0"),
    Template("why-you", "Who in their right mind schedules a firmware update at month-end close?"),
    Template("why-you", "So who exactly was supposed to be watching the dashboards?"),
    Template("judgmental", "The contractor they hired was flat-out incompetent with replication."),
    Template("single-cause", "The TLS library bump is the whole story, nothing else worth a look."),
    Template(
        "single-cause", "This incident is attributable solely to the unsanctioned DNS change."
    ),
    Template("concealed-blame", "Proper testing was bypassed to hit the launch date."),
    Template("concealed-blame", "The failure to verify the backup chain left nothing to restore."),
    Template("hindsight", "Reverting the deploy was the obvious move, yet it took an hour."),
    Template("people-fix", "ok pls everyone double check the namespace before you apply"),
    Template("people-fix", "tl;dr be careful with the prod kubeconfig pls"),
    Template("people-fix", "Remind your teams that customer data must never be pasted into chat."),
    Template("people-fix", "The engineer responsible is no longer with the company."),
    Template("people-fix", "Operators are expected to read every alert in full before acking."),
    Template("people-fix", "I'm going to redo the IAM course before I touch another policy."),
    Template("concealed-blame", "OPS-331: root cause — runbook step 4 skipped"),
    Template("concealed-blame", "Warnings about expired tokens have repeatedly gone unheeded."),
    Template("why-you", "Leadership is asking whose decision it was to turn off the rate limiter."),
    Template("why-you", "I still haven't heard who signed off on the certificate swap."),
    Template("self-blame", "I nuked the staging database on a Friday afternoon."),
    Template("self-blame", "My cleanup script wiped every tenant's uploads folder."),
    Template("self-blame", "My deploy is what broke login on iOS for six hours."),
    Template("people-fix", "Everyone please be more careful with kubectl contexts."),
    Template("people-fix", "going fwd everyone pls be more careful w kubectl contexts"),
    Template("people-fix", "I expect everyone on the team to triple-check their commands."),
    Template("people-fix", "We are reminding all of our engineers to double-check their work."),
    Template("why-you", "Who has given the approval for this change in the freeze period?"),
    Template("why-you", "how come nobody on night shift noticed the queue growing for 6 hrs?"),
    Template("people-fix", "Please be careful when running migrations."),
    Template(
        "self-blame", "Had I stayed another ten minutes, I would have seen the queue back up."
    ),
    Template("concealed-blame", "The pager escalation was not acted upon for an hour."),
    Template(
        "concealed-blame", "The alert got muted somewhere along the line and nobody has owned up."
    ),
    Template(
        "concealed-blame", "The flag was switched on for all tenants without the required sign-off."
    ),
    Template("judgmental", "A half-tested hotfix made the outage twice as long."),
    Template("judgmental", "Another half-baked migration from the billing folks, nothing new."),
    Template("judgmental", "Our MSP is a bunch of clowns who left RDP open to the internet."),
    Template("human-error", "The event was classified as a human-induced failure."),
    Template(
        "people-fix", "Rather than adding tooling, we will reinforce to staff that care matters."
    ),
    Template("people-fix", "We will give the new joiners more strict instructions."),
    Template("people-fix", "Going forward nobody touches prod without asking me first."),
    Template(
        "hindsight", "Any engineer looking at those graphs would have known the spike was coming."
    ),
    Template("hindsight", "Anybody on the team would have caught the missing tenant filter."),
    Template("why-you", "We still need to establish who approved the firewall change."),
    Template("why-you", "Question for @farah: why was the canary stage skipped on this release?"),
    Template("person-as-cause", "* Outage caused by @lina-ops disabling the health checks"),
    Template("people-fix", "- Lesson: pay closer attention to alert emails during handover"),
    Template("people-fix", "The individuals involved will be held accountable."),
    Template("concealed-blame", "The backup verification task had been neglected for months."),
    Template("concealed-blame", "The certificate-expiry emails went unread for a week."),
    Template("concealed-blame", "Established procedures were not adhered to during the window."),
    # "they" after its noun, with no subject between
    Template("why-you", "Question for the reviewers: why did they approve the diff so fast?"),
    # the writers exhorting themselves: a state of mind is never a plan for a system
    Template("people-fix", "We need to be more careful when deploying sweeping changes."),
    Template("people-fix", "We will pay more attention to the disk alerts."),
    Template("people-fix", "All devs: triple-check the target environment before migrating."),
    Template("people-fix", "The team members must to be more attentive during deployments."),
    # a person picked out of a group: "one of our devs", "two of the admins"
    Template("person-as-cause", "One of our devs pushed a config that took down signup."),
    Template("person-as-cause", "Two of the admins deleted the production database."),
    Template("judgmental", "The migration was sloppy."),
    Template("judgmental", "The rollback plan was a rookie mistake."),
    Template("judgmental", "It was a reckless deploy."),
    Template("judgmental", "The handling of the keys was negligent."),
    Template("judgmental", "Laziness in review let the bug through."),
    Template("judgmental", "A misguided hotfix made it worse."),
    Template("human-error", "The outage was caused by human error."),
    Template("human-error", "Root cause: operator error."),
    Template("human-error", "Someone fat-fingered the replica count."),
    Template("hindsight", "The fix was obviously a rollback."),
    Template("hindsight", "It was only a matter of time before the disk filled."),
    Template("concealed-blame", "The low-disk warning was ignored for three hours."),
    Template("concealed-blame", "Mistakes were made during the failover."),
    Template("concealed-blame", "Someone forgot to renew the certificate."),
    Template("animated", "What a dumpster fire this deploy was."),
    Template("animated", "Somehow we survived this one!!!"),
    Template("single-cause", "The sole cause of the outage was the config push."),
    Template("single-cause", "The brownout stemmed entirely from the expired certificate."),
    Template("single-cause", "The failure was due solely to a firmware bug on rack 14."),
    Template("single-cause", "The only reason the queue backed up was the missing index."),
    Template("single-cause", "A single misconfigured health check was the culprit."),
    Template("single-cause", "The root cause is only the network switch."),
    Template("people-fix", "Don't push code late at night."),
    Template("people-fix", "Be more careful when editing production configs."),
    Template("people-fix", "Disciplinary action was taken against the engineer."),
    Template("why-you", "Who approved the schema change during the freeze?"),
    Template("self-blame", "I should have caught this in review."),
    Template("self-blame", "My bad, I deleted the wrong bucket."),
    Template("self-blame", "I broke the build on Friday."),
    Template("self-blame", "This outage was my fault."),
    Template("self-blame", "We accidentally wiped the cache."),
    Template("self-blame", "I approved the change without reading the full diff."),
    Template("self-blame", "I should have double-checked the region before running it."),
    Template("concealed-blame", "The schema change was merged without anyone reviewing it."),
    Template("hindsight", "The spike was glaringly obvious to anyone watching the graphs."),
    Template("judgmental", "The cutover plan was half-baked."),
    Template("human-error", "Technician error during the battery swap caused the power loss."),
    Template("animated", "The release was an utter shambles."),
    Template("people-fix", "Engineers must exercise more caution when editing routing tables."),
    Template("people-fix", "The employee responsible has been placed on administrative leave."),
    Template("person-as-cause", "Blame for the outage falls on the release team."),
    Template("concealed-blame", "Certain steps in the release process were treated as optional."),
    Template("people-fix", "AI: retrain the night shift on the failover runbook."),
    Template("animated", "The response descended into chaos within minutes."),
    Template("counterfactual", "The migration lead failed to secure sign-off before cutover."),
    Template("people-fix", "A company-wide reminder about change-management rules was issued."),
    Template("judgmental", "Shipping the kernel upgrade on a holiday was a poor judgment call."),
    Template("self-blame", "That outage is on me, not the team."),
    Template("single-cause", "The platform behaved exactly as designed until the failover."),
    Template("hindsight", "It doesn't take a genius to see the single replica would not hold."),
    Template("concealed-blame", "The maintenance notice was not read by those who needed it."),
]

NEUTRAL = [
    "The database was already down when {a} joined the call.",
    "Checkout down — {a} rolled back the deploy at 14:05.",
    "{A} is not at fault; the command had no production guard.",
    "The outage started at 14:02, when {a} was at lunch.",
    "The errors started after {a} rolled back the release.",
    "The outage was not caused by {p} change.",
    "{P} migration ran cleanly in all regions; the errors came from the cache layer.",
    "The site was down for an hour; {a} had paged the DBA at 14:05.",
    "When {a} paged the DBA, the primary was already down.",
    "If {a} truncates the audit table as proposed, the export will lose 90 days.",
    "{A} restored the BGP sessions at 03:41, ending the blackhole.",
    "Please don't blame {a}; the tool allowed the command.",
    "Thanks to {p} quick failover, we only lost four minutes of writes.",
    "The primary crashed again after {a} restarted it.",
    "The site recovered after {a} rolled back the deploy.",
    "{P} fix stopped the errors within a minute.",
    "{P} console timed out when listing more than 10,000 objects.",
    "{A} asked why the canary passed.",
    "Root cause: a stale cache entry, which {a} found at 14:02.",
    "It was {p} review that caught the bug.",
    "{P} alert is what caught the regression.",
    "{A} restarted the pods and the errors stopped.",
    "{A} rolled back the deploy and checkout recovered within a minute.",
    "{A} merged the fix and nothing broke.",
    "{A} paged the DBA, and the primary crashed again at 14:20.",
    "{A} rotated the keys at 14:10, exposing nothing.",
    "{A} will of course confirm the window with the vendor first.",
    "{A} was the one who noticed the disk alert first.",
    "The reason we noticed was {a} checking the dashboard.",
    "{A} ended up restarting the primary at 03:12.",
    "The incident call started when {a} joined the bridge.",
    "The outage started after {a} had already gone home.",
    "{A} would have known at once if the disk alert had fired.",
    "{A} deleted the orphaned test buckets at 14:00, as scheduled.",
    "What fixed the site was {a} running the rollback.",
    "Resolution: {a} rolled back the deploy at 14:20.",
    "{P} laptop crashed during the incident call.",
    "14:02 {A} deployed v2.3 to all regions.",
    "{A} restarted the primary at 03:12.",
    "{A} paged the DBA at 02:10.",
    "{A} rolled back the release at 14:31.",
    "{A} opened an incident channel and posted the dashboard link.",
    "{A} noticed the error spike at 14:05 and declared an incident.",
    "Thanks to {p} quick bisect, the bad commit was found in ten minutes.",
    "{A} will add a schema check to the deploy pipeline.",
    "{A} owns the follow-up ticket.",
    "{A} ran the failover drill as planned.",
    "{A} asked why the retry queue grew without bound.",
    "{A} wrote the first draft of this review.",
    "Action: {a} to update the failover runbook with the new steps.",
    "Sit down with {a} to plan the storage migration.",
    "I had a chat with {a} about the vendor's SLA.",
    "{A} asked what made the risky step look reasonable at the time.",
    "Thanks to {p} quick bisect, we identified the regression in ten minutes.",
    "Because of {p} latency dashboard, the regression was caught in the canary stage.",
    "outage -> {p} rollback fixed it at 14:10",
    "14:05 errors spike -> {p} page woke the DBA",
]

NEUTRAL_SELF_STANDING = [
    # a cause belittled, left partial, denied, or no cause at all
    "The config push only caused a two-minute blip.",
    "The brownout was caused only in part by the expired certificate.",
    "The single source of truth for routes is the repo.",
    "We only noticed because a customer emailed support.",
    "Retries alone did not cause the brownout.",
    "Deploys are no longer allowed on Fridays.",
    "We made sure that Priya double-checked the config before the cutover.",
    "The canary was skipped so the hotfix could ship before the sale.",
    "This was not caused by a security incident, and no customer data was accessed.",
    "We had a cron job; it was skipped on Sunday because of the DST change.",
    "Note: the on-call engineer reads the runbook for every page, which is how the gap was found.",
    "Make sure the pipeline double-checks the target cluster.",
    "The regression went unnoticed for two weeks because no test covered it.",
    "Attributing an outage to human error ends the investigation too early.",
    "Who is supposed to approve DNS changes now that the CAB is gone?",
    "The storage vendor's firmware bug caused the controllers to reset under load.",
    "So, did the cron job drop the table?",
    "No alert was configured, so nobody noticed the disk filling.",
    "It's even better to have a second pair of eyes with you.",
    "Not anyone's fault: the approval UI doesn't show migration files at all.",
    "Configuration changes to the vendor's backbone routers caused a global outage.",
    "We use lazy loading for the thumbnails.",
    "The whole story is in the timeline below.",
    "We looked at the logs and nothing else before paging the vendor.",
    "Nobody noticed any customer impact during the failover.",
    "The exporter crashed, so the queue metrics were not being recorded.",
    "The nightly job was supposed to run at 02:00 but didn't.",
    "We couldn't have known the cache was stale.",
    "Ideally the disk alert would have paged the on-call.",
    "Instead of retraining the operator, we added a confirmation prompt to the console.",
    "Engineers who are blamed for outages stop reporting near misses.",
    "Make the disk banner impossible to miss in the console.",
    "The nightly job is expected to finish by 06:00.",
    "We had a chat with the vendor about their maintenance windows.",
    "Please note the careful work of the storage team during the migration.",
    "Reviewers should ask what made the risky step look reasonable at the time.",
    "We restored the alerts ignored during the maintenance window.",
    "14:05 deploy rolled back, error rate back to baseline.",
    "We are asking anyone who saw the alert to add their notes to the timeline.",
    "Nobody knows yet why the cache expired early.",
    "Whenever this pod restarts, we lose all the data.",
    "We managed to wipe the build cache without causing any downtime.",
    "Make sure the deploy job checks the namespace.",
    "We expect the canary to catch this next time.",
    "All of the replicas crashed within a minute.",
    "I forgot to mention that the API is versioned.",
    "What was the error rate at 14:02?",
    "We went ahead without any downtime.",
    "If one typo can take down a region, that is an engineering problem, not a people one.",
    "If we had had a canary stage, we would have caught it in minutes.",
    "When the HR record changed, access to Google Workspace was temporarily removed.",
    "The intern's staging account was automatically suspended when the HR record changed.",
    "Rather than blaming the operator, we will add a confirmation step to drain.sh.",
    "The team's access to the old dashboard was revoked by the SSO migration.",
    "We let go of the old runbook and wrote a new one.",
    "14:31 @Kim determines why the old syncbot reverted the branch rules.",
    "We take a tally and ask the validators who got error A and who got error B.",
    "Asking why someone did something puts them on the defensive; ask what they saw.",
    "A canary stage would have caught the bug before any customer saw it.",
    "Anyone would have made the same call with what the dashboard showed.",
    "The runbook explains why the canary is skipped for hotfixes.",
    "We need to understand why the cache evicted the keys.",
    'If a reviewer calls the fix "obvious", ask whether it was obvious before the outage.',
    "The endpoint answers with a 422 user error when the VAT number fails its checksum.",
    'The message "user error: quota exceeded" was shown to 1,200 customers.',
    "The replicas lost quorum. Why did they fail to elect a leader?",
    "09:41 why the disk alert fired: the threshold was 80%",
    "We need to add a dry-run flag to drain.sh.",
    "We will make the deploy tool refuse prod contexts without --confirm-prod.",
    "We double-checked the target environment before the second run.",
    "The cron job deleted the backups.",
    "The health check failed to detect the hung process.",
    "The latency alert should have fired at 14:02 but did not.",
    "We should add a canary stage before the rollout.",
    "The deploy was rolled back at 14:20.",
    "The 14:02 deploy activated a latent bug in the retry path.",
    "Root cause: a missing index on orders.created_at forced a full table scan.",
    "The Kubernetes operator failed to reconcile the StatefulSet.",
    "Page-fault rates spiked on the cache hosts.",
    "The user error rate doubled after the release.",
    "Teams that hunt for a culprit to punish learn nothing.",
    "A blame culture treats the operator as the problem instead of the tooling.",
    "When the platform team is blamed for every outage, people stop reporting near misses.",
    "Calling it human error ends the investigation too early.",
    "This review is blameless; nobody is at fault.",
    "No individual caused this outage; several safeguards were missing at once.",
    "Add a confirmation prompt to the delete command.",
    "Why did the retry queue grow without bound?",
    "Who owns the billing runbook today?",
    "Traffic shifted to another fault domain.",
    "We use lazy loading for the settings page.",
    "The change was deployed without any customer impact.",
    "What made the alert so noisy?",
    "We merged the fix without waiting for the nightly build because checkout was down.",
    "Priya removed the firewall rules which were blocking requests.",
    "The runbook reminds responders to drain the node first.",
    "A postmortem is no place to punish anybody; it is a place to learn.",
    "ok siobhan rolled back the deploy, latency is recovering",
    "emeka is restarting the pods now",
    "thanks rosa for catching that so fast",
    "Did {a} deploy at 14:02, right?",
    "{A} shut down the old cluster on Monday.",
    "The alert was acknowledged by {a} at 02:10.",
    "The etcd member failed to rejoin the cluster after the restart.",
    "All we have to do is add a retry to the uploader.",
    "{A} rolled back the deploy, that's the end of the incident.",
    "The outage happened when {a} was at lunch.",
    "The bot posts a reminder about expiring certificates every Monday.",
    "We spent half of the error budget on the retry storm.",
    "The fix is on me this week.",
    "All we had to do was wait for the cache to warm up, so we waited.",
    "Our team lead paired with {a} on the migration.",
    "We sent a reminder email to customers about the maintenance window.",
    "{P} patch removed the outage risk entirely.",
    "{P} PR introduced a guard against the regression.",
    "Why didn't Summer traffic recover after the sale?",
    "{A} got approval from the change board before the deploy.",
    "I was the one who paged the DBA at 14:05.",
    "{A} to pair with Ben on the migration design.",
    "We stopped the deploy because {a} asked us to.",
    "{P} change addresses the issue reported in INC-42.",
    "{P} script reproduces the bug on staging.",
    "| Caused by | Config loader accepted an empty upstream list |",
    "The network partition came from the new switch config.",
    "The night shift restarted the pods at 03:10.",
]

PLACEMENTS = {
    "plain": "{s}",
    "bullet": "- {s}",
    "numbered": "3. {s}",
    "table": "| 14:02 | {s} |",
    "timestamp": "14:02 UTC — {s}",
    "clause": "During the maintenance window on Tuesday, {s}",
    "blockquote": "> {s}",
    "chat": "[14:02] <kim.o> {s}",
    # a row of pipes in a paragraph, the doer in a cell of its own: "| 14:02 | Omar | Dropped…"
    "row": "| 14:02 | {a} | {s} |",
}
# Rules that also read quoted text (at info): in a blockquote, only these fire.
IN_QUOTES = {"why-you", "human-error"}


def fill(template: str, agent: str) -> str:
    return template.format(A=agent, a=inner(agent), P=possessive(agent), p=inner(possessive(agent)))


def place(sentence: str, placement: str) -> str:
    if placement == "clause":
        first, _, rest = sentence.partition(" ")
        if first in (
            "The",
            "A",
            "An",
            "One",
            "He",
            "She",
            "His",
            "Her",
            "It",
            "If",
            "Why",
            "Who",
            "What",
            "Someone",
            "Mistakes",
            "Laziness",
            "Root",
            "Somehow",
            "This",
            "We",
            "My",
            "Be",
            "Don't",
            "Disciplinary",
            "Retrain",
            "Remind",
            "Send",
            "Hold",
            "After",
        ):
            sentence = first.lower() + " " + rest if first not in ("I",) else sentence
    return PLACEMENTS[placement].format(s=sentence)


@dataclass(frozen=True)
class Case:
    text: str  # one Markdown block
    rule: str | None  # the expected rule, or None for "nothing flagged"
    template: str
    agent: str
    placement: str


def blame_cases(placements: tuple[str, ...] = tuple(PLACEMENTS)) -> Iterator[Case]:
    """Every blame template with every agent in plain text, and a sample of agents in
    every other placement (the placement, not the agent, is what varies there)."""
    for template in BLAME:
        for index, agent in enumerate(AGENTS):
            for placement in placements:
                if placement != "plain" and index % 11:
                    continue
                if placement == "row" and not _rowed(template):
                    continue
                yield _case(template, agent, placement)
    for template in SELF_STANDING:
        for placement in placements:
            if placement != "row":
                yield _case(template, "", placement)


def _rowed(template: Template) -> bool:
    """A template whose agent opens it, followed by what they did, fits a row's cells (a
    question does not)."""
    text = template.text
    return text.startswith("{A} ") and template.rule == "person-as-cause" and "?" not in text


def _row(template: str, agent: str) -> str:
    """ "{A} dropped the table." as a row: "| 14:02 | Omar | Dropped the table |"."""
    act = fill(template, agent)[len(agent) + 1 :].rstrip(".")
    return PLACEMENTS["row"].format(a=agent, s=act[:1].upper() + act[1:])


def _case(template: Template, agent: str, placement: str) -> Case:
    if placement == "row":
        return Case(_row(template.text, agent), template.rule, template.text, agent, placement)
    text = place(fill(template.text, agent), placement)
    expected: str | None = template.rule
    if placement == "blockquote" and template.rule not in IN_QUOTES:
        expected = None  # quoted words are evidence, not the author's analysis
    return Case(text, expected, template.text, agent, placement)


def system_cases() -> Iterator[Case]:
    """The blame templates with a system in the agent's place: nothing is flagged."""
    for template in BLAME:
        if template.system_fine:
            for system in SYSTEMS:
                yield Case(fill(template.text, system), None, template.text, system, "plain")


def neutral_cases() -> Iterator[Case]:
    for template in NEUTRAL:
        for index, agent in enumerate(AGENTS):
            yield Case(fill(template, agent), None, template, agent, "plain")
            if template.startswith("{A} ") and "?" not in template and not index % 11:
                yield Case(_row(template, agent), None, template, agent, "row")
    for text in NEUTRAL_SELF_STANDING:
        yield Case(text, None, text, "", "plain")
