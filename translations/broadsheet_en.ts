<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>EntityPage</name>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n stories</source>
        <translation type="unfinished">
            <numerusform>%n story</numerusform>
            <numerusform>%n stories</numerusform>
        </translation>
    </message>
    <message>
        <source>Mentions over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of the stories have no date.</source>
        <translation>
            <numerusform>%n of the stories has no date.</numerusform>
            <numerusform>%n of the stories have no date.</numerusform>
        </translation>
    </message>
    <message>
        <source>Found with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its stories are in the list; pick one to read it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1 is a web page that names no feed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>broadsheet::ui::AddAccountDialog</name>
    <message>
        <source>Add Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync with a feed server: its subscriptions, stories, read and starred marks and labels come here, and what you change here goes back. The password is kept in the system keyring (or a file only you can read), never in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Reader API (FreshRSS, Miniflux, Inoreader…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiny Tiny RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to the server now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in to %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>broadsheet::ui::AddFeedDialog</name>
    <message>
        <source>Add Feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://example.org/feed.xml, or a site&apos;s address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed or site address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeds the site offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder, or folders within folders as News/World; empty: at the top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subscribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address of a feed, or of a site that offers one:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a web address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A feed, with no stories yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A feed: its newest stories.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The site offers %n feeds: choose one.</source>
        <translation>
            <numerusform>The site offers %n feed: choose one.</numerusform>
            <numerusform>The site offers %n feeds: choose one.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not a feed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This library, whose feeds Broadsheet fetches, or a sync account, whose server fetches the feed and sends its stories here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server names the feed it subscribes to; rename it afterwards in its Properties, where the server allows it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>broadsheet::ui::ArticleListModel</name>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> +%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more from %1</source>
        <translation>
            <numerusform>and %n more from %1</numerusform>
            <numerusform>and %n more from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more from %1…</source>
        <translation>
            <numerusform>and %n more from %1…</numerusform>
            <numerusform>and %n more from %1…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n others</source>
        <translation>
            <numerusform>and %n other</numerusform>
            <numerusform>and %n others</numerusform>
        </translation>
    </message>
    <message>
        <source>Also told in:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>broadsheet::ui::ExportDialog</name>
    <message>
        <source>Export Stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &amp;selected stories (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every &amp;result of the search (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &amp;whole library (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown — a folder, one file a story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML — one page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF — one document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NDJSON — one story a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV — for spreadsheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain text — a folder, one file a story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to a New Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will be written into the new folder %2, a file each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will be written to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>broadsheet::ui::FeedPropertiesDialog</name>
    <message>
        <source>Properties of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the feed asks (else hourly)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stories newer than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starred stories and stories you tagged are always kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load &amp;images without asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notify me of new stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last refreshed: %1
Next refresh: %2
Stories: %3 (%4 unread)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (the feed is gone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>broadsheet::ui::MainWindow</name>
    <message>
        <source>Stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not opened: %1 is not a web or mail link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to Broadsheet&lt;/h2&gt;&lt;p&gt;Your library is empty. Add a feed to follow a site&apos;s news, or import a folder of news articles (text files, CSV data sets, feeds) to start reading and searching.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a Feed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the Sample Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the sample library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search: words, &quot;phrases&quot;, prefix*, OR, -word, title:, after:2014-12 (press / to search)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagging progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause Tagging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People, places and keywords are being found in the new stories; pause to leave the machine to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the import after the files in hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the export; nothing is written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagging stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume Tagging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting: %1 of %2 stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n stories to %1</source>
        <translation>
            <numerusform>Exported %n story to %1</numerusform>
            <numerusform>Exported %n stories to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No story matches this search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n articles</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %n stories read.</source>
        <translation>
            <numerusform>Marked %n story read.</numerusform>
            <numerusform>Marked %n stories read.</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists. Replace it with this export?

Everything in it will be replaced once the export is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the stories to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Print %n Stories</source>
        <translation>
            <numerusform>Print %n Story</numerusform>
            <numerusform>Print %n Stories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Printing %n stories…</source>
        <translation>
            <numerusform>Printing %n story…</numerusform>
            <numerusform>Printing %n stories…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Printed %n stories.</source>
        <translation>
            <numerusform>Printed %n story.</numerusform>
            <numerusform>Printed %n stories.</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed refresh progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop refreshing; what arrived stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeds: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n new</source>
        <translation>
            <numerusform>%1: %n new</numerusform>
            <numerusform>%1: %n new</numerusform>
        </translation>
    </message>
    <message>
        <source>No feeds to refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Feeds refreshed: %n new stories</source>
        <translation>
            <numerusform>Feeds refreshed: %n new story</numerusform>
            <numerusform>Feeds refreshed: %n new stories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n feeds failed (see the sidebar)</source>
        <translation>
            <numerusform>; %n feed failed (see the sidebar)</numerusform>
            <numerusform>; %n feeds failed (see the sidebar)</numerusform>
        </translation>
    </message>
    <message>
        <source>New stories in Broadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Feed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh All Feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh &amp;This Feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a feed or folder in the sidebar first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Broadsheet — %1 (%n unread)</source>
        <translation>
            <numerusform>Broadsheet — %1 (%n unread)</numerusform>
            <numerusform>Broadsheet — %1 (%n unread)</numerusform>
        </translation>
    </message>
    <message>
        <source>Broadsheet — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Subscribed to %1: %n new stories</source>
        <translation>
            <numerusform>Subscribed to %1: %n new story</numerusform>
            <numerusform>Subscribed to %1: %n new stories</numerusform>
        </translation>
    </message>
    <message>
        <source>The library cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library cannot be written: feeds are not refreshed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That subscription is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribe from %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unsubscribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also &amp;delete its stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n stories (Ctrl+Z brings them back)</source>
        <translation>
            <numerusform>Deleted %n story (Ctrl+Z brings it back)</numerusform>
            <numerusform>Deleted %n stories (Ctrl+Z brings them back)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Brought back %n stories</source>
        <translation>
            <numerusform>Brought back %n story</numerusform>
            <numerusform>Brought back %n stories</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News articles and feeds (*.txt *.text *.csv *.md *.markdown *.json *.ndjson *.jsonl *.xml *.rss *.atom *.rdf *.opml);;Feeds (*.xml *.rss *.atom *.rdf *.json);;Subscription lists (*.opml *.xml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This library cannot be changed: it could not be opened for writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing: %1 of %2 files, %3 new</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new articles</source>
        <translation>
            <numerusform>%n new article</numerusform>
            <numerusform>%n new articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already in the library</source>
        <translation>
            <numerusform>, %n already in the library</numerusform>
            <numerusform>, %n already in the library</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n files skipped</source>
        <translation>
            <numerusform>, %n file skipped</numerusform>
            <numerusform>, %n files skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n new subscriptions</source>
        <translation>
            <numerusform>, %n new subscription</numerusform>
            <numerusform>, %n new subscriptions</numerusform>
        </translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagging %1 of %2 stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toggle &amp;Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark R&amp;ead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;All Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toggle &amp;Star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page Down, then Next Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag the selected stories with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected stories have no tags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take this tag off the selected stories:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Manage Tags…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader &amp;Below the List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load &amp;Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This story has no images to load.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch this story&apos;s images (nothing is fetched until you ask)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Always Load Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Broadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Broadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Broadsheet %1&lt;/h3&gt;&lt;p&gt;A desktop news reader for the news you keep.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no backups of this library yet. Broadsheet makes one before every upgrade and once a day when something changed; broadsheet-cli backup makes one now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, %3 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put this backup in the library&apos;s place? The library as it is now is moved aside, not deleted, and Broadsheet starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample library could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Sample Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a keyword</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a rule&apos;s tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): click for every story with it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the last import added and skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This story has no web page to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the saved search &quot;%1&quot; (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Saved Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeds without their own setting keep: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every story</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest %n stories</source>
        <translation>
            <numerusform>the newest story</numerusform>
            <numerusform>the newest %n stories</numerusform>
        </translation>
    </message>
    <message>
        <source>No person, organisation or place is called %1 any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n stories match</source>
        <translation>
            <numerusform>%n story matches</numerusform>
            <numerusform>%n stories match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stories</source>
        <translation type="unfinished">
            <numerusform>%n story</numerusform>
            <numerusform>%n stories</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Group Versions of a Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a story told by several sources, or updated, once, with the others named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Syncing %1: %n stories</source>
        <translation>
            <numerusform>Syncing %1: %n story</numerusform>
            <numerusform>Syncing %1: %n stories</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ Sync of %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 synced %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new stories</source>
        <translation>
            <numerusform>%n new story</numerusform>
            <numerusform>%n new stories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synced: %n new stories</source>
        <translation>
            <numerusform>Synced: %n new story</numerusform>
            <numerusform>Synced: %n new stories</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Acc&amp;ount…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync Accounts Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library cannot be written: no account can be added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account went missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1; its password is in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop syncing with %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its stories stay in the library; its feeds are no longer synced, and changes not yet sent are dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the server to subscribe to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 subscribed to %2; its stories come with this sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not subscribe: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>broadsheet::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;small&gt;Changes apply at once and are kept for next time.&lt;/small&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desktop&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another font:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader font:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load images in stories (from the sites that publish them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comfortable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roomy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Story list:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a line of each story under its title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best match first (newest first without words)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh feeds automatically, as each one is due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the feed suggests (else hourly)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New feeds refresh every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep every story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep stories for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This library cannot be changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeds without their own setting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;small&gt;Starred stories and stories you tagged are always kept.&lt;/small&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop notifications for the feeds that ask for them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press the new key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already the key of &quot;%2&quot;: give that command another key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now the key of &quot;%2&quot;: give that command another key first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>broadsheet::ui::ReaderView</name>
    <message>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the original ↗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other versions of this story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Related stories</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>broadsheet::ui::Sidebar</name>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every story</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n stories</source>
        <translation>
            <numerusform>%1, %n story</numerusform>
            <numerusform>%1, %n stories</numerusform>
        </translation>
    </message>
    <message>
        <source>Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved Searches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer refreshed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last refresh failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n unread</numerusform>
            <numerusform>%1, %n unread</numerusform>
        </translation>
    </message>
    <message>
        <source>, last refresh failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark All &amp;Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Properties…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unsubscribe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n stories</source>
        <translation>
            <numerusform>%n story</numerusform>
            <numerusform>%n stories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n unread</source>
        <translation>
            <numerusform>, %n unread</numerusform>
            <numerusform>, %n unread</numerusform>
        </translation>
    </message>
    <message>
        <source>Re&amp;name Source…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 account at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiny Tiny RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Reader API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n changes wait for the server</source>
        <translation>
            <numerusform>%n change waits for the server</numerusform>
            <numerusform>%n changes wait for the server</numerusform>
        </translation>
    </message>
    <message>
        <source>Its server fetches it; a sync brings its stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribe to a &amp;Feed…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>broadsheet::ui::StoryEditor</name>
    <message>
        <source>This library cannot be changed: it could not be opened for writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Tagged %n stories with %1.</source>
        <translation>
            <numerusform>Tagged %n story with %1.</numerusform>
            <numerusform>Tagged %n stories with %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Took %1 off %n stories.</source>
        <translation>
            <numerusform>Took %1 off %n story.</numerusform>
            <numerusform>Took %1 off %n stories.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>broadsheet::ui::SyncController</name>
    <message>
        <source>This Broadsheet cannot sync &apos;%1&apos; accounts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>broadsheet::ui::TagManagerDialog</name>
    <message>
        <source>Manage Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge Into…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tag is called &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge %1 into:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put back what the last change took</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tag cannot be merged into itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Merge %n tags into %1? Their stories get %1 and the merged names go. Undo puts them back.</source>
        <translation>
            <numerusform>Merge %n tag into %1? Its stories get %1 and the merged name goes. Undo puts it back.</numerusform>
            <numerusform>Merge %n tags into %1? Their stories get %1 and the merged names go. Undo puts them back.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n tags from every story? The stories stay, and Undo puts the tags back.</source>
        <translation>
            <numerusform>Delete %n tag from every story? The stories stay, and Undo puts the tag back.</numerusform>
            <numerusform>Delete %n tags from every story? The stories stay, and Undo puts the tags back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>broadsheet::ui::TimelineView</name>
    <message>
        <source>Stories per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2; click a month to narrow the search to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undated stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stories with no date are not on the timeline, and a date filter (after:, before:, date:) leaves them out</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n undated</source>
        <translation>
            <numerusform>%n undated</numerusform>
            <numerusform>%n undated</numerusform>
        </translation>
    </message>
</context>
</TS>
