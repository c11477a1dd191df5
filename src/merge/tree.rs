//! A roadmap as a generic tree of records, lists, maps and scalars, so that diff and
//! merge walk the document's structure instead of naming its fields: a field added to
//! the model (format version 2 and later) is diffed and merged without code here.
//!
//! The tree is made with serde (this module is a `Serializer`) and read back with
//! serde (`de.rs`), so it holds exactly what the file holds. Not JSON: a loaded file
//! may hold non-finite numbers (validation reports them), which JSON cannot.

use std::hash::{Hash, Hasher};

use serde::Serialize;
use serde::ser;

/// One value of the document.
#[derive(Debug, Clone)]
pub enum Tree {
    /// An absent optional value. Records leave such fields out, as the file does.
    None,
    Unit,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Text(String),
    /// A unit variant (`Level`) or a variant with content (`Custom([...])`).
    Variant(&'static str, Option<Box<Tree>>),
    List(Vec<Tree>),
    Map(Vec<(Tree, Tree)>),
    /// A struct's fields in declaration order, absent optional fields left out.
    Record(Vec<(&'static str, Tree)>),
}

/// Why a value could not become a tree or a tree a value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct TreeError(pub String);

impl ser::Error for TreeError {
    fn custom<T: std::fmt::Display>(message: T) -> Self {
        TreeError(message.to_string())
    }
}

impl serde::de::Error for TreeError {
    fn custom<T: std::fmt::Display>(message: T) -> Self {
        TreeError(message.to_string())
    }
}

/// The tree of any serializable value.
pub fn to_tree<T: Serialize + ?Sized>(value: &T) -> Result<Tree, TreeError> {
    value.serialize(TreeSerializer)
}

impl Tree {
    /// The value of field `name` of a record.
    pub fn field(&self, name: &str) -> Option<&Tree> {
        match self {
            Tree::Record(fields) => fields.iter().find(|(n, _)| *n == name).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            Tree::Text(text) => Some(text),
            _ => None,
        }
    }

    /// The `id` of a record that has one: such records are the document's items
    /// (units, areas, programs, indicators), matched by id.
    pub fn id(&self) -> Option<&str> {
        self.field("id").and_then(Tree::as_text)
    }

    pub fn is_composite(&self) -> bool {
        matches!(self, Tree::List(_) | Tree::Map(_) | Tree::Record(_))
    }

    /// An empty value of the same shape: what an omitted list, map or record holds.
    pub fn empty_like(&self) -> Option<Tree> {
        match self {
            Tree::List(_) => Some(Tree::List(Vec::new())),
            Tree::Map(_) => Some(Tree::Map(Vec::new())),
            Tree::Record(_) => Some(Tree::Record(Vec::new())),
            _ => None,
        }
    }

    pub fn is_empty_composite(&self) -> bool {
        match self {
            Tree::List(items) => items.is_empty(),
            Tree::Map(entries) => entries.is_empty(),
            Tree::Record(fields) => fields.is_empty(),
            _ => false,
        }
    }
}

// Numbers compare by their bits, so that a NaN equals itself: merging a side with the
// base it came from must give that side back, whatever it holds.
impl PartialEq for Tree {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Tree::None, Tree::None) | (Tree::Unit, Tree::Unit) => true,
            (Tree::Bool(a), Tree::Bool(b)) => a == b,
            (Tree::Int(a), Tree::Int(b)) => a == b,
            (Tree::UInt(a), Tree::UInt(b)) => a == b,
            (Tree::Float(a), Tree::Float(b)) => a.to_bits() == b.to_bits(),
            (Tree::Text(a), Tree::Text(b)) => a == b,
            (Tree::Variant(a, x), Tree::Variant(b, y)) => a == b && x == y,
            (Tree::List(a), Tree::List(b)) => a == b,
            (Tree::Map(a), Tree::Map(b)) => a == b,
            (Tree::Record(a), Tree::Record(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Tree {}

impl Hash for Tree {
    fn hash<H: Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match self {
            Tree::None | Tree::Unit => {}
            Tree::Bool(b) => b.hash(state),
            Tree::Int(n) => n.hash(state),
            Tree::UInt(n) => n.hash(state),
            Tree::Float(x) => x.to_bits().hash(state),
            Tree::Text(t) => t.hash(state),
            Tree::Variant(name, content) => {
                name.hash(state);
                content.hash(state);
            }
            Tree::List(items) => items.hash(state),
            Tree::Map(entries) => entries.hash(state),
            Tree::Record(fields) => fields.hash(state),
        }
    }
}

struct TreeSerializer;

/// Collects a sequence, tuple or variant's content.
pub struct SeqBuilder {
    items: Vec<Tree>,
    variant: Option<&'static str>,
}

pub struct MapBuilder {
    entries: Vec<(Tree, Tree)>,
    key: Option<Tree>,
}

pub struct RecordBuilder {
    fields: Vec<(&'static str, Tree)>,
    variant: Option<&'static str>,
}

impl SeqBuilder {
    fn finish(self) -> Tree {
        let list = Tree::List(self.items);
        match self.variant {
            Some(name) => Tree::Variant(name, Some(Box::new(list))),
            None => list,
        }
    }
}

impl RecordBuilder {
    fn push<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), TreeError> {
        let value = value.serialize(TreeSerializer)?;
        if !matches!(value, Tree::None) {
            self.fields.push((key, value));
        }
        Ok(())
    }

    fn finish(self) -> Tree {
        let record = Tree::Record(self.fields);
        match self.variant {
            Some(name) => Tree::Variant(name, Some(Box::new(record))),
            None => record,
        }
    }
}

impl ser::Serializer for TreeSerializer {
    type Ok = Tree;
    type Error = TreeError;
    type SerializeSeq = SeqBuilder;
    type SerializeTuple = SeqBuilder;
    type SerializeTupleStruct = SeqBuilder;
    type SerializeTupleVariant = SeqBuilder;
    type SerializeMap = MapBuilder;
    type SerializeStruct = RecordBuilder;
    type SerializeStructVariant = RecordBuilder;

    fn serialize_bool(self, v: bool) -> Result<Tree, TreeError> {
        Ok(Tree::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<Tree, TreeError> {
        Ok(Tree::Int(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<Tree, TreeError> {
        Ok(Tree::Int(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<Tree, TreeError> {
        Ok(Tree::Int(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<Tree, TreeError> {
        Ok(Tree::Int(v))
    }
    fn serialize_u8(self, v: u8) -> Result<Tree, TreeError> {
        Ok(Tree::UInt(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<Tree, TreeError> {
        Ok(Tree::UInt(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<Tree, TreeError> {
        Ok(Tree::UInt(v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result<Tree, TreeError> {
        Ok(Tree::UInt(v))
    }
    fn serialize_f32(self, v: f32) -> Result<Tree, TreeError> {
        Ok(Tree::Float(v.into()))
    }
    fn serialize_f64(self, v: f64) -> Result<Tree, TreeError> {
        Ok(Tree::Float(v))
    }
    fn serialize_char(self, v: char) -> Result<Tree, TreeError> {
        Ok(Tree::Text(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Tree, TreeError> {
        Ok(Tree::Text(v.to_owned()))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Tree, TreeError> {
        Ok(Tree::List(
            v.iter().map(|&b| Tree::UInt(b.into())).collect(),
        ))
    }
    fn serialize_none(self) -> Result<Tree, TreeError> {
        Ok(Tree::None)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Tree, TreeError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Tree, TreeError> {
        Ok(Tree::Unit)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Tree, TreeError> {
        Ok(Tree::Unit)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Tree, TreeError> {
        Ok(Tree::Variant(variant, None))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Tree, TreeError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Tree, TreeError> {
        Ok(Tree::Variant(
            variant,
            Some(Box::new(value.serialize(self)?)),
        ))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqBuilder, TreeError> {
        Ok(SeqBuilder {
            items: Vec::with_capacity(len.unwrap_or(0)),
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqBuilder, TreeError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<SeqBuilder, TreeError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<SeqBuilder, TreeError> {
        Ok(SeqBuilder {
            items: Vec::with_capacity(len),
            variant: Some(variant),
        })
    }
    fn serialize_map(self, len: Option<usize>) -> Result<MapBuilder, TreeError> {
        Ok(MapBuilder {
            entries: Vec::with_capacity(len.unwrap_or(0)),
            key: None,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<RecordBuilder, TreeError> {
        Ok(RecordBuilder {
            fields: Vec::with_capacity(len),
            variant: None,
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<RecordBuilder, TreeError> {
        Ok(RecordBuilder {
            fields: Vec::with_capacity(len),
            variant: Some(variant),
        })
    }
}

impl ser::SerializeSeq for SeqBuilder {
    type Ok = Tree;
    type Error = TreeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TreeError> {
        self.items.push(value.serialize(TreeSerializer)?);
        Ok(())
    }
    fn end(self) -> Result<Tree, TreeError> {
        Ok(self.finish())
    }
}

impl ser::SerializeTuple for SeqBuilder {
    type Ok = Tree;
    type Error = TreeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TreeError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Tree, TreeError> {
        Ok(self.finish())
    }
}

impl ser::SerializeTupleStruct for SeqBuilder {
    type Ok = Tree;
    type Error = TreeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TreeError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Tree, TreeError> {
        Ok(self.finish())
    }
}

impl ser::SerializeTupleVariant for SeqBuilder {
    type Ok = Tree;
    type Error = TreeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TreeError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Tree, TreeError> {
        Ok(self.finish())
    }
}

impl ser::SerializeMap for MapBuilder {
    type Ok = Tree;
    type Error = TreeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), TreeError> {
        self.key = Some(key.serialize(TreeSerializer)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TreeError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| TreeError("a map value without its key".to_owned()))?;
        self.entries.push((key, value.serialize(TreeSerializer)?));
        Ok(())
    }
    fn end(self) -> Result<Tree, TreeError> {
        Ok(Tree::Map(self.entries))
    }
}

impl ser::SerializeStruct for RecordBuilder {
    type Ok = Tree;
    type Error = TreeError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), TreeError> {
        self.push(key, value)
    }
    fn end(self) -> Result<Tree, TreeError> {
        Ok(self.finish())
    }
}

impl ser::SerializeStructVariant for RecordBuilder {
    type Ok = Tree;
    type Error = TreeError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), TreeError> {
        self.push(key, value)
    }
    fn end(self) -> Result<Tree, TreeError> {
        Ok(self.finish())
    }
}
