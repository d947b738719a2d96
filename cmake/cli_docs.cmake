# The man page (carnet.1) and the bash completion (carnet.bash), both read
# from the built program's own --help, so that neither can drift from the
# commands: a new option shows in both at the next build. Run at build time:
#   cmake -DCARNET=path/to/carnet -DVERSION=0.1.0 -DMAN=carnet.1
#         -DCOMPLETION=carnet.bash -P cli_docs.cmake
# It reads CLI11's help layout: sections "Options:", "Positionals:",
# "Subcommands:", each item's name in the first 30 columns and its
# description from column 30 (on the next line when the name is longer).

foreach(var CARNET VERSION MAN COMPLETION)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "cli_docs.cmake: -D${var}=... is required")
  endif()
endforeach()

# The help of `carnet ARGS... --help`, as a list of lines. CMake lists split
# at ';' except inside [...]: both are stood in for, and put back by
# `help_line`.
function(read_help out)
  execute_process(COMMAND ${CARNET} ${ARGN} --help OUTPUT_VARIABLE text RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "carnet ${ARGN} --help failed (${rc})")
  endif()
  string(REPLACE ";" "@SEMICOLON@" text "${text}")
  string(REPLACE "[" "@LBRACKET@" text "${text}")
  string(REPLACE "]" "@RBRACKET@" text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  set(${out} "${lines}" PARENT_SCOPE)
endfunction()

macro(help_line var)
  string(REPLACE "@SEMICOLON@" ";" ${var} "${${var}}")
  string(REPLACE "@LBRACKET@" "[" ${var} "${${var}}")
  string(REPLACE "@RBRACKET@" "]" ${var} "${${var}}")
endmacro()

# Text for roff: backslashes and hyphens escaped, a leading '.' or '\''
# guarded so that it is not read as a request.
function(roff out text)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "-" "\\-" text "${text}")
  if(text MATCHES "^[.']")
    set(text "\\&${text}")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# Parses the help of one command path into variables of the caller:
# <prefix>_summary, _usage, _subcommands (names), _options (long and short
# names, for completion), _choices_<name> (an option's fixed values), and
# the man page section text in <prefix>_roff.
function(parse_command prefix)
  read_help(lines ${ARGN})
  set(section "")
  set(summary "")
  set(usage "")
  set(subcommands "")
  set(options "")
  set(body "")
  set(pending_item "")
  foreach(line IN LISTS lines)
    help_line(line)
    if(line MATCHES "^Usage: (.*)$")
      set(usage "${CMAKE_MATCH_1}")
    elseif(line MATCHES "^([A-Z][a-z]+):$")
      set(section "${CMAKE_MATCH_1}")
      roff(title "${section}")
      string(APPEND body ".PP\n\\fB${title}\\fR\n")
    elseif(section STREQUAL "" AND NOT line STREQUAL "" AND summary STREQUAL "")
      set(summary "${line}")
    elseif(NOT section STREQUAL "" AND line MATCHES "^                              +(.*)$")
      # The description of the item named on the line before.
      roff(desc "${CMAKE_MATCH_1}")
      string(APPEND body "${desc}\n")
    elseif(NOT section STREQUAL "" AND line MATCHES "^  [^ ]")
      string(SUBSTRING "${line}" 2 28 item)
      string(STRIP "${item}" item)
      string(LENGTH "${line}" length)
      set(desc "")
      if(length GREATER 30)
        string(SUBSTRING "${line}" 29 1 gap)
        if(gap STREQUAL " ")
          string(SUBSTRING "${line}" 30 -1 desc)
          string(STRIP "${desc}" desc)
        else()
          # A name too long for its column: the description is on the next line.
          string(STRIP "${line}" item)
        endif()
      endif()
      if(item MATCHES "^([^ ]+)(.*)$")
        set(names "${CMAKE_MATCH_1}")
        set(arg "${CMAKE_MATCH_2}")
      endif()
      if(section STREQUAL "Subcommands")
        list(APPEND subcommands "${names}")
      elseif(section STREQUAL "Options")
        string(REPLACE "," ";" names_list "${names}")
        list(APPEND options ${names_list})
        if(arg MATCHES "{([^}]*)}")
          string(REPLACE "," " " choices "${CMAKE_MATCH_1}")
          foreach(name IN LISTS names_list)
            string(MAKE_C_IDENTIFIER "${name}" id)
            set(${prefix}_choices_${id} "${choices}" PARENT_SCOPE)
          endforeach()
        endif()
      endif()
      roff(names_roff "${names}")
      roff(arg_roff "${arg}")
      roff(desc "${desc}")
      string(APPEND body ".TP\n\\fB${names_roff}\\fR\\fI${arg_roff}\\fR\n")
      if(NOT desc STREQUAL "")
        string(APPEND body "${desc}\n")
      endif()
    endif()
  endforeach()
  roff(usage_roff "${usage}")
  roff(summary_roff "${summary}")
  set(${prefix}_summary "${summary}" PARENT_SCOPE)
  set(${prefix}_subcommands "${subcommands}" PARENT_SCOPE)
  set(${prefix}_options "${options}" PARENT_SCOPE)
  set(${prefix}_roff "${summary_roff}\n.PP\n\\fBUsage:\\fR ${usage_roff}\n${body}" PARENT_SCOPE)
endfunction()

# Every command path, breadth first: "" (carnet itself), "build", …,
# "translations export", …
parse_command(cmd_)
set(paths "")
foreach(sub IN LISTS cmd__subcommands)
  list(APPEND paths "${sub}")
endforeach()
set(all_paths "")
while(paths)
  list(POP_FRONT paths path)
  list(APPEND all_paths "${path}")
  string(REPLACE " " ";" args "${path}")
  string(MAKE_C_IDENTIFIER "cmd_${path}" id)
  parse_command(${id} ${args})
  foreach(sub IN LISTS ${id}_subcommands)
    list(APPEND paths "${path} ${sub}")
  endforeach()
endwhile()

# The man page.
# "Carnet: what it does" → "what it does", for the NAME line.
string(REGEX REPLACE "^Carnet: " "" top_summary "${cmd__summary}")
roff(top_summary "${top_summary}")
set(man ".TH CARNET 1 \"\" \"carnet ${VERSION}\" \"User Commands\"\n")
string(APPEND man ".SH NAME\ncarnet \\- ${top_summary}\n")
string(APPEND man ".SH SYNOPSIS\n.B carnet\n\\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIARGUMENTS\\fR]\n")
string(APPEND man ".SH DESCRIPTION\n${cmd__roff}")
string(APPEND man ".PP\n\\fBcarnet \\fICOMMAND\\fB \\-\\-help\\fR prints what follows for one command.\n")
string(APPEND man ".SH COMMANDS\n")
foreach(path IN LISTS all_paths)
  string(MAKE_C_IDENTIFIER "cmd_${path}" id)
  string(APPEND man ".SS \"carnet ${path}\"\n${${id}_roff}")
endforeach()
string(APPEND man [=[.SH "EXIT STATUS"
.TP
.B 0
success
.TP
.B 1
content errors (printed as \fIpath\fB:\fIline\fB:\fIcolumn\fB: error: \fImessage\fR) or a file that could not be read or written
.TP
.B 2
wrong usage
.SH "SEE ALSO"
The README of Carnet's source, which walks through a site from \fBcarnet new\fR to its publication on GitHub Pages.
]=])
file(WRITE ${MAN} "${man}")

# The bash completion: the command path is the run of known subcommands
# after `carnet`; then its options and subcommands, an option's fixed values
# after it, and file names elsewhere (sites, plans, spreadsheets).
set(cases "")
set(value_cases "")
foreach(path "" ${all_paths})
  string(MAKE_C_IDENTIFIER "cmd_${path}" id)
  string(STRIP "carnet ${path}" full)
  list(JOIN ${id}_subcommands " " subs)
  list(JOIN ${id}_options " " opts)
  string(APPEND cases "    \"${full}\") subs=\"${subs}\" opts=\"${opts}\" ;;\n")
  foreach(opt IN LISTS ${id}_options)
    string(MAKE_C_IDENTIFIER "${opt}" oid)
    if(DEFINED ${id}_choices_${oid})
      string(APPEND value_cases "    \"${full} ${opt}\") COMPREPLY=($(compgen -W \"${${id}_choices_${oid}}\" -- \"$cur\")); return ;;\n")
    endif()
  endforeach()
endforeach()
set(known "")
foreach(path IN LISTS all_paths)
  string(APPEND known "|\"carnet ${path}\"")
endforeach()
string(SUBSTRING "${known}" 1 -1 known)
file(WRITE ${COMPLETION} "# bash completion for carnet ${VERSION}, generated from its --help (cmake/cli_docs.cmake)
_carnet() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} cmd=carnet i subs opts
  for ((i = 1; i < COMP_CWORD; i++)); do
    case \"$cmd \${COMP_WORDS[i]}\" in
    ${known}) cmd=\"$cmd \${COMP_WORDS[i]}\" ;;
    esac
  done
  case \"$cmd $prev\" in
${value_cases}  esac
  case \"$cmd\" in
${cases}  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))
  else
    COMPREPLY=($(compgen -W \"$subs\" -- \"$cur\") $(compgen -f -- \"$cur\"))
  fi
}
complete -o filenames -o bashdefault -F _carnet carnet
")
