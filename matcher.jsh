// JShell settings for the matcher, loaded with: /open matcher.jsh
// JShell cuts any printed value longer than 80 characters (1,000 for expressions) in the middle, mid-row for the
// tables that Table, Resolution, Clusters and explanations print; this feedback mode prints them whole.
/set mode matcher normal -quiet
/set truncation matcher 100000
/set feedback matcher
